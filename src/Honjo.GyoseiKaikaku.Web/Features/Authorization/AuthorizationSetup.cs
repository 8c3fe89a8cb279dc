using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.History;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Honjo.GyoseiKaikaku.Web.Features.Authorization;

public static class Policies
{
    /// <summary>企画課 only: plan content, review, progress board, users.</summary>
    public const string PlanningOffice = "PlanningOffice";

    /// <summary>People who enter year-end reports: 部署担当 and 企画課.</summary>
    public const string ReportEditor = "ReportEditor";
}

public static class AuthorizationSetup
{
    public static IServiceCollection AddAppIdentityAndAuthorization(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                // Length and the lists of StrongPasswordValidator, no composition rules (ADR 0014, ASVS V2.1).
                o.Password.RequiredLength = StrongPasswordValidator.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>()
            .AddPasswordValidator<StrongPasswordValidator>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            // Name, Secure, idle and absolute lifetime and the per-request session check: Security/SecuritySetup.
            o.Cookie.SameSite = SameSiteMode.Lax;

            // A refusal is a 403 (rendered as the Japanese error page by the status-code pages), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // A changed role or department list takes effect within a minute, not at the next sign-in. (A new security
        // stamp — sign-out, password change, reset, lock — ends the session at once: Security/SessionValidation.)
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.PlanningOffice, p => p.RequireRole(AppRoles.PlanningOffice))
            .AddPolicy(Policies.ReportEditor, p => p.RequireRole(AppRoles.PlanningOffice, AppRoles.DepartmentEditor));

        services.AddScoped<IAuthorizationHandler, PlanAuthorizationHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IReportAudienceProvider, HttpReportAudienceProvider>();
        return services;
    }
}
