using Honjo.GyoseiKaikaku.Infrastructure;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.Web;
using Honjo.GyoseiKaikaku.Web.Features.Operations;
using Honjo.GyoseiKaikaku.Web.Features.Security;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
if (BackupCommand.IsRequested(args))
{
    return await BackupCommand.RunAsync(builder.Configuration, args);
}

WebApplication app;
try
{
    builder.Services.AddInfrastructure(builder.Configuration);
    builder.Services.AddDepartmentWorkbooks(builder.Configuration);
    builder.Services.AddWebFeatures();
    builder.Services.AddAppSecurity(builder.Configuration);
    builder.Services.AddAppHealthChecks();
    app = builder.Build();
}
catch (Exception e) when (StartupFailure.IsFailure(e))
{
    return StartupFailure.Report(builder.Configuration, e);
}

try
{
    if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<DemoAccounts>();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(async () =>
        {
            await accounts.EnsureRolesAsync();
            if (app.Environment.IsDevelopment())
            {
                await accounts.EnsureDemoAccountsAsync();
            }
        });
    }

    if (app.Services.GetRequiredService<IPdfEngine>().UnavailableReason() is { } pdfUnavailable)
    {
        app.Logger.LogWarning(PdfEvents.Unavailable, "The summaries' and the council's PDF downloads (and the booklet's with Pdf:BookletEngine = Chromium) will be refused until this is fixed: {Reason}", pdfUnavailable);
    }
}
catch (Exception e) when (StartupFailure.IsFailure(e))
{
    var code = StartupFailure.Report(app.Logger, e);
    await app.DisposeAsync();
    return code;
}

// First: the client address and scheme as a trusted proxy saw them, then one log line per request (user, status),
// then every refusal (403, 429) logged.
app.UseForwardedHeaders();
app.UseMiddleware<RequestLogging>();
app.UseRefusalLogging();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseRouting();
app.UseAuthentication();
app.UseCredentialRateLimits();
app.UsePasswordChangeGate();
app.UseAuthorization();
app.MapStaticAssets().AllowAnonymous();
app.MapAppHealthChecks();
app.MapControllers();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
    {
        app.Logger.LogInformation("本庄市 行政改革 実施計画シート: {Address}/plans", address);
    }
});

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
