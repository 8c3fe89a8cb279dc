namespace Honjo.GyoseiKaikaku.Infrastructure.Auditing;

/// <summary>
/// Records administrative actions. An event is added to the current unit of work and saved, in the same transaction,
/// by the caller's next <c>SaveChanges</c>: the change and its record are kept together or not at all. Once saved,
/// it is also written to the application log (event id <see cref="SecurityEvents.AdministrativeChange"/>).
/// </summary>
public interface IAuditLog
{
    void Record(AuditAction action, string target, string detail = "");
}

/// <summary>Who is acting and from where, as far as the audit log needs to know; supplied by the web layer.</summary>
public interface IAuditContext
{
    string? UserId { get; }

    /// <summary>The acting user's ID (user name); empty when no one is signed in.</summary>
    string UserName { get; }

    string? ClientAddress { get; }

    string? RequestId { get; }
}

/// <summary>How audit details are written, the same way everywhere.</summary>
public static class AuditDetail
{
    /// <summary>「before → after」, with 「なし」 for a missing value; dates as yyyy-MM-dd.</summary>
    public static string Change<T>(T? before, T? after)
        where T : struct, IFormattable
    {
        return $"{Format(before)} → {Format(after)}";

        static string Format(T? value) => value is { } v
            ? v.ToString(v is DateOnly ? "yyyy-MM-dd" : null, System.Globalization.CultureInfo.InvariantCulture)
            : "なし";
    }
}
