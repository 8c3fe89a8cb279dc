using Honjo.GyoseiKaikaku.Infrastructure;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.Web;
using Honjo.GyoseiKaikaku.Web.Features.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddDepartmentWorkbooks(builder.Configuration);
builder.Services.AddWebFeatures();
builder.Services.AddAppSecurity(builder.Configuration);

var app = builder.Build();

if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    var accounts = scope.ServiceProvider.GetRequiredService<DemoAccounts>();
    await accounts.EnsureRolesAsync();
    if (app.Environment.IsDevelopment())
    {
        await accounts.EnsureDemoAccountsAsync();
    }
}

// First: the client address and scheme as a trusted proxy saw them, then every refusal (403, 429) logged.
app.UseForwardedHeaders();
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
app.MapControllers();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
    {
        app.Logger.LogInformation("本庄市 行政改革 実施計画シート: {Address}/plans", address);
    }
});

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
