namespace Honjo.GyoseiKaikaku.Infrastructure.Hosting;

/// <summary>The configuration cannot work; the message names the key to set. Start-up ends with it (exit code 1).</summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException()
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
