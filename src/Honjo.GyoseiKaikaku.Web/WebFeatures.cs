using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Council;
using Honjo.GyoseiKaikaku.Web.Features.Departments;
using Honjo.GyoseiKaikaku.Web.Features.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;

namespace Honjo.GyoseiKaikaku.Web;

public static class WebFeatures
{
    public static IServiceCollection AddWebFeatures(this IServiceCollection services)
    {
        services.AddControllersWithViews(o =>
        {
            o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            UseJapaneseBindingMessages(o.ModelBindingMessageProvider);
        });
        services.AddAppIdentityAndAuthorization();

        // Japanese text is written as is, not as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RazorViewEngineOptions>(o =>
        {
            // Views live beside their feature: Features/Plans/Index.cshtml.
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });
        services.AddScoped<EditionResolver>();
        services.AddScoped<NotInEditionQuery>();
        services.AddScoped<PlanIndexQuery>();
        services.AddScoped<PlanSheetQuery>();
        services.AddScoped<DepartmentQueries>();
        services.AddScoped<Features.Reports.ReportScopeLoader>();
        services.AddScoped<Features.Reports.ReportConflictPage>();
        services.AddScoped<Features.Reports.ReportReview>();
        services.AddScoped<Features.Reports.OpenReportHandler>();
        services.AddScoped<Features.Reports.SaveReportHandler>();
        services.AddScoped<Features.Reports.CorrectReportHandler>();
        services.AddScoped<Features.Reports.AcceptReportHandler>();
        services.AddScoped<Features.Reports.ReturnReportHandler>();
        services.AddScoped<Features.Reports.ReopenReportHandler>();
        services.AddScoped<Features.Reports.CommentOnReportHandler>();
        services.AddScoped<Features.Reports.ReportNotices>();
        services.AddScoped<Features.Reports.ReportThreadQuery>();
        services.AddScoped<Features.Start.InboxQuery>();
        services.AddScoped<Features.Start.StartPageQuery>();
        services.AddScoped<Features.Notices.NoticeQueries>();
        services.AddScoped<Features.My.MyPlansQuery>();
        services.AddScoped<Features.History.PlanHistoryQuery>();
        services.AddScoped<Features.Progress.ProgressQuery>();
        services.AddScoped<Features.Progress.SetDeadlineHandler>();
        services.AddScoped<Features.PlanEdit.PlanEditHandler>();
        services.AddScoped<Features.PlanEdit.NewPlanHandler>();
        services.AddScoped<Features.PlanEdit.EndPlanHandler>();
        services.AddScoped<ReorganizeHandler>();
        services.AddScoped<Features.Admin.UserAdministration>();
        services.AddScoped<Features.Admin.UserListQuery>();
        services.AddScoped<Features.Admin.CreateUserHandler>();
        services.AddScoped<Features.Admin.EditUserHandler>();
        services.AddScoped<Features.Admin.LockUserHandler>();
        services.AddScoped<Features.Admin.UnlockUserHandler>();
        services.AddScoped<Features.Admin.ResetPasswordHandler>();
        services.AddScoped<Features.Admin.AuditQuery>();
        services.AddScoped<Features.Account.SignInHandler>();
        services.AddScoped<Features.Account.PasswordChangeHandler>();
        services.AddScoped<Features.Booklets.BookletExportService>();
        services.AddSingleton<Features.Booklets.ExportJobs>();
        services.AddScoped<Features.Booklets.RazorHtmlRenderer>();
        services.AddScoped<Features.Booklets.EditionListQuery>();
        services.AddScoped<Features.Booklets.PublishedFileQuery>();
        services.AddScoped<Features.Booklets.MilestoneFiles>();
        services.AddScoped<Features.Booklets.PublishEditionHandler>();
        services.AddSingleton<Features.Booklets.PublishingGate>();
        services.AddScoped<Features.Booklets.CloseEditionHandler>();
        services.AddScoped<Features.Booklets.SetSecondGradePrintingHandler>();
        services.AddScoped<Features.Booklets.CorrectionPublisher>();
        services.AddScoped<Features.Booklets.NextEditionHandler>();
        services.AddScoped<Features.Booklets.EditionChangesQuery>();
        services.AddSingleton<Features.Booklets.PdfPartCache>();
        services.AddScoped<Features.Booklets.BookletPdfRenderer>();
        services.AddSingleton<Features.Booklets.BookletPageCache>();
        services.AddSingleton<Features.Booklets.NativeBookletPdfRenderer>();
        services.AddScoped<Domain.Booklets.IBookletPdfRenderer>(provider =>
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.Pdf.PdfOptions>>().Value.BookletEngine == Infrastructure.Pdf.BookletPdfEngine.Chromium
                ? provider.GetRequiredService<Features.Booklets.BookletPdfRenderer>()
                : provider.GetRequiredService<Features.Booklets.NativeBookletPdfRenderer>());
        services.AddScoped<Features.Workbook.WorkbookDownloadQuery>();
        services.AddScoped<Features.Workbook.WorkbookImportRules>();
        services.AddScoped<Features.Workbook.PreviewImportHandler>();
        services.AddScoped<Features.Workbook.ConfirmImportHandler>();
        services.AddScoped<Features.Workbook.CancelImportHandler>();
        services.AddScoped<Features.Summary.SummaryQuery>();
        services.AddScoped<Features.Period.PlanPeriodQuery>();
        services.AddScoped<Features.Period.PeriodReviewQuery>();
        services.AddScoped<Features.Summary.SummaryExportService>();
        services.AddCouncil();
        services.AddSingleton<Infrastructure.Summaries.ISummaryWorkbookWriter, Infrastructure.Summaries.SummaryWorkbookWriter>();
        return services;
    }

    /// <summary>Model binding's own messages (a value that is not a number, a missing value…), in Japanese.</summary>
    private static void UseJapaneseBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}：「{value}」は正しい値ではありません。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"「{value}」は正しい値ではありません。");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field}の値が正しくありません。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "値が正しくありません。");
        messages.SetValueIsInvalidAccessor(value => $"「{value}」は正しい値ではありません。");
        messages.SetValueMustBeANumberAccessor(field => $"{field}は数値で入力してください。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "数値で入力してください。");
        messages.SetValueMustNotBeNullAccessor(value => $"「{value}」は空にできません。");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field}を入力してください。");
        messages.SetMissingKeyOrValueAccessor(() => "値を入力してください。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "送信内容が空です。");
    }

    /// <summary>Conservative headers for a city intranet application: no framing, no sniffing, no referrer leakage.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Content-Security-Policy"] =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

            // What a signed-in person is shown may hold drafts (pages, the department workbook, exports): no browser
            // or proxy may keep a copy. Static files and public open data set their own caching and are left alone.
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true && !context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next();
        });
}
