using System.Text.Json;
using System.Text.RegularExpressions;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

public sealed class PendingImportOptions
{
    public const string SectionName = "Workbooks:PendingImports";

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

/// <summary>A row of <c>PendingImports</c>: one previewed upload, its owner, when it was made and until when it can be confirmed.</summary>
public sealed class PendingImportRecord
{
    private PendingImportRecord()
    {
        Id = UserId = Payload = string.Empty;
    }

    public PendingImportRecord(string id, string userId, DateTimeOffset createdAt, DateTimeOffset expiresAt, string payload)
    {
        Id = id;
        UserId = userId;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        Payload = payload;
    }

    /// <summary>32 random hex digits: the id in the confirmation form.</summary>
    public string Id { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The <see cref="PendingImport"/> as JSON: what the preview showed, to be saved on confirmation.</summary>
    public string Payload { get; private set; }
}

internal sealed class PendingImportRecordConfiguration : IEntityTypeConfiguration<PendingImportRecord>
{
    public void Configure(EntityTypeBuilder<PendingImportRecord> builder)
    {
        builder.ToTable("PendingImports");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(32);
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Payload).IsRequired();
        builder.HasIndex(x => x.ExpiresAt);
    }
}

/// <summary>
/// Keeps a previewed import out of the plans until it is confirmed: one row per import in <c>PendingImports</c>,
/// named by a random id, bound to the user who uploaded it, and ignored (and deleted) after
/// <see cref="PendingImportOptions.Lifetime"/>. In the database, so that any server can confirm what another previewed
/// (ADR 0019). Expired rows are removed whenever a preview is saved.
/// </summary>
public sealed partial class PendingImportStore(AppDbContext db, IOptions<PendingImportOptions> options, TimeProvider clock)
{
    private readonly PendingImportOptions _options = options.Value;

    public TimeSpan Lifetime => _options.Lifetime;

    public async Task<string> SaveAsync(PendingImport import, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(import);
        await PurgeExpiredAsync(ct);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var now = clock.GetUtcNow();
        db.PendingImports.Add(new PendingImportRecord(id, import.UserId, now, now + _options.Lifetime, JsonSerializer.Serialize(import)));
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>The user's pending import, or null when the id is unknown, belongs to someone else or has expired.</summary>
    public async Task<PendingImport?> LoadAsync(string? id, string userId, CancellationToken ct)
    {
        if (id is null || !IdPattern().IsMatch(id))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var record = await db.PendingImports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.UserId == userId, ct);
        if (record is null)
        {
            return null;
        }

        if (record.ExpiresAt < now)
        {
            await DeleteAsync(id, ct);
            return null;
        }

        try
        {
            var import = JsonSerializer.Deserialize<PendingImport>(record.Payload);
            return import?.UserId == userId ? import : null;
        }
        catch (JsonException)
        {
            // A row written by an incompatible version: the same as not found.
            return null;
        }
    }

    /// <summary>Removes the import; false when it was already gone (confirmed or cancelled by another request).</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct) =>
        IdPattern().IsMatch(id) && await db.PendingImports.Where(r => r.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Deletes every import past its expiry; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.PendingImports.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
