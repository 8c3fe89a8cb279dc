using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

public sealed class PendingImportOptions
{
    public const string SectionName = "Workbooks:PendingImports";

    /// <summary>Where previews wait for confirmation; by default a folder under the system's temporary folder.</summary>
    public string? Folder { get; set; }

    /// <summary>How long a preview can be confirmed.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>An upload that was checked and previewed, waiting for the person to confirm it.</summary>
public sealed record PendingImport(
    string UserId,
    DateTimeOffset CreatedAt,
    string Year,
    string FileName,
    int? ReturnDepartment,
    IReadOnlyList<PendingPlanChange> Plans);

/// <summary>One plan to save on confirmation, with the versions it was checked against and its first changed cell.</summary>
public sealed record PendingPlanChange(
    int PlanId,
    string Sheet,
    string Cell,
    int ReportVersion,
    string ContentFingerprint,
    string StatusReport,
    string Grade,
    string NextYearPolicy);

/// <summary>
/// Keeps a previewed import out of the database until it is confirmed: one file per import under a temporary folder,
/// named by a random id, encrypted and bound to the user by ASP.NET Core Data Protection, and ignored (and deleted)
/// after <see cref="PendingImportOptions.Lifetime"/>. Several application servers would need a shared folder and key
/// ring; a city intranet runs one.
/// </summary>
public sealed partial class PendingImportStore(IOptions<PendingImportOptions> options, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "Honjo.GyoseiKaikaku.Workbooks.PendingImport.v1";
    private const string Extension = ".import";

    private readonly PendingImportOptions _options = options.Value;

    public TimeSpan Lifetime => _options.Lifetime;

    private string Folder => _options.Folder is { Length: > 0 } folder
        ? folder
        : Path.Combine(Path.GetTempPath(), "honjo-gyoseikaikaku", "workbook-imports");

    public async Task<string> SaveAsync(PendingImport import, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(import);
        Directory.CreateDirectory(Folder);
        PurgeExpired();
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var bytes = Protector(import.UserId).Protect(JsonSerializer.SerializeToUtf8Bytes(import));
        await File.WriteAllBytesAsync(PathOf(id), bytes, ct);
        return id;
    }

    /// <summary>The user's pending import, or null when the id is unknown, belongs to someone else or has expired.</summary>
    public async Task<PendingImport?> LoadAsync(string? id, string userId, CancellationToken ct)
    {
        if (id is null || !IdPattern().IsMatch(id) || !File.Exists(PathOf(id)))
        {
            return null;
        }

        PendingImport? import;
        try
        {
            var bytes = Protector(userId).Unprotect(await File.ReadAllBytesAsync(PathOf(id), ct));
            import = JsonSerializer.Deserialize<PendingImport>(bytes);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or IOException)
        {
            // Another user's id, a file from before a key change, or a damaged file: the same as not found.
            return null;
        }

        if (import is null || import.UserId != userId)
        {
            return null;
        }

        if (import.CreatedAt + _options.Lifetime < clock.GetUtcNow())
        {
            Delete(id);
            return null;
        }

        return import;
    }

    public void Delete(string id)
    {
        if (IdPattern().IsMatch(id))
        {
            File.Delete(PathOf(id));
        }
    }

    private void PurgeExpired()
    {
        var limit = clock.GetUtcNow().UtcDateTime - _options.Lifetime;
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + Extension))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < limit)
                {
                    File.Delete(file);
                }
            }
            catch (IOException)
            {
                // Another request may be deleting it; the next save tries again.
            }
        }
    }

    private IDataProtector Protector(string userId) => protection.CreateProtector(Purpose, userId);

    private string PathOf(string id) => Path.Combine(Folder, id + Extension);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
