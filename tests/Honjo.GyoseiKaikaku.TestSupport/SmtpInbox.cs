using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// A real SMTP server (netDumbster) listening on a loopback port of its own, in process: the application sends to it
/// over a socket with MailKit, and the test reads what arrived, parsed by MimeKit.
/// </summary>
public sealed class SmtpInbox : IDisposable
{
    private SimpleSmtpServer _server;

    public SmtpInbox()
    {
        _server = Configuration.Configure().WithAddress(System.Net.IPAddress.Loopback).WithRandomPort().Build();
        Port = _server.Configuration.Port;
    }

    public int Port { get; }

    /// <summary>The settings that point the application's mail at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:From"] = "gyoseikaikaku@example.jp",
        ["Mail:BaseUrl"] = "https://gyoseikaikaku.example.jp",
        ["Mail:Outbox:PollInterval"] = "00:00:00.200",
        ["Mail:Outbox:RetryBase"] = "00:00:00.500",
        ["Mail:Outbox:RetryMax"] = "00:00:01",
    };

    public IReadOnlyList<MimeMessage> Messages =>
        _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    /// <summary>The messages to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits (up to a minute; fails after) until <paramref name="address"/> has received at least <paramref name="count"/> messages.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1)
    {
        for (var i = 0; i < 600; i++)
        {
            var messages = To(address);
            if (messages.Count >= count)
            {
                return messages;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{address} received {To(address).Count} of {count} mails; all: {string.Join(" / ", Messages.Select(m => m.To + " " + m.Subject))}");
    }

    /// <summary>Waits (up to a minute; fails after) for a message to <paramref name="address"/> whose subject contains <paramref name="subjectPart"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subjectPart)
    {
        for (var i = 0; i < 600; i++)
        {
            if (To(address).FirstOrDefault(m => (m.Subject ?? string.Empty).Contains(subjectPart, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{address} received no mail about 「{subjectPart}」; all: {string.Join(" / ", Messages.Select(m => m.To + " " + m.Subject))}");
    }

    /// <summary>Stops listening (a failing SMTP server); <see cref="Restart"/> listens again on the same port.</summary>
    public void Stop() => _server.Stop();

    public void Restart()
    {
        _server.Dispose();
        _server = Configuration.Configure().WithAddress(System.Net.IPAddress.Loopback).WithPort(Port).Build();
    }

    public void Dispose() => _server.Dispose();
}
