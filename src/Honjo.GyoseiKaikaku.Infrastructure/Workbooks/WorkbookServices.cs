using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

public static class WorkbookServices
{
    /// <summary>The department workbook: writer, reader, the upload guard and the store of previews awaiting confirmation.</summary>
    public static IServiceCollection AddDepartmentWorkbooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<UploadLimits>(configuration.GetSection(UploadLimits.SectionName));
        services.Configure<PendingImportOptions>(configuration.GetSection(PendingImportOptions.SectionName));
        services.AddSingleton<WorkbookProtection>();
        services.AddSingleton<IDepartmentWorkbookWriter, DepartmentWorkbookWriter>();
        services.AddSingleton<IDepartmentWorkbookReader, DepartmentWorkbookReader>();
        services.AddSingleton(sp => new UploadGuard(sp.GetRequiredService<IOptions<UploadLimits>>().Value));
        services.AddScoped<PendingImportStore>();
        return services;
    }
}
