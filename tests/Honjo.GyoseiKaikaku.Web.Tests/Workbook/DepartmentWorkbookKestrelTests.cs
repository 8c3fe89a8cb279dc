using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Workbook;

/// <summary>
/// Oversize uploads over a real Kestrel socket: the in-memory test server enforces no body size, Kestrel does, and a
/// body without a declared length is only stopped while it is read.
/// </summary>
public sealed class DepartmentWorkbookKestrelTests(DepartmentWorkbookKestrelTests.KestrelApp app) : IClassFixture<DepartmentWorkbookKestrelTests.KestrelApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversize_upload_gets_the_Japanese_limit_message_whether_or_not_its_length_is_declared(bool declaredLength)
    {
        using var client = await app.SignedInClientAsync();
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri("/my/plans", UriKind.Relative)));
        var token = page.QuerySelector("form[data-workbook-upload] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var big = new byte[3 * 1024 * 1024];
        new Random(3).NextBytes(big);

        using var multipart = new MultipartFormDataContent();
        multipart.Add(new StringContent(token), "__RequestVerificationToken");
        HttpContent file = declaredLength ? new ByteArrayContent(big) : new StreamContent(new UnknownLengthStream(big));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        multipart.Add(file, "File", "大きすぎる.xlsx");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/my/workbook", UriKind.Relative)) { Content = multipart };
        if (!declaredLength)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("取り込めるファイルは2MBまでです。", body, StringComparison.Ordinal);
        Assert.Contains(declaredLength ? "ファイルが大きすぎます（" : "ファイルが大きすぎるか、最後まで受け取れませんでした。", body, StringComparison.Ordinal);
        Assert.Contains("何も保存していません。", body, StringComparison.Ordinal);
    }

    public sealed class KestrelApp : AppFactory, IAsyncLifetime
    {
        public const string Shimin = "k-shimin";

        private Uri _address = null!;

        public async Task InitializeAsync()
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            _address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
            await TestUsers.CreateAsync(this, Shimin, AppRoles.DepartmentEditor, "市民課");
        }

        public async Task<HttpClient> SignedInClientAsync()
        {
#pragma warning disable CA2000 // The client owns and disposes the handler.
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = _address };
#pragma warning restore CA2000
            await client.SignInAsync(Shimin);
            return client;
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>A stream that will not tell its length, so that the request goes out chunked.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
