using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// How an <see cref="AppFactory"/> differs from the default test application: every field has the default that most
/// tests want, so a test names only what matters to it, e.g. <c>AppFactory.Create(new() { Environment = "Production" })</c>.
/// </summary>
public sealed record AppOptions
{
    /// <summary>The SQLite file; null for a fresh one. Two applications on one path are two servers on one database.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Configuration on top of the test defaults (the key as in appsettings.json, e.g. <c>Mail:Host</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The hosting environment: Testing by default; Production and Development as the tests of those need.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>The content root (where the application is "installed"); null for the project's own folder.</summary>
    public string? ContentRoot { get; init; }

    /// <summary>The seed file the application seeds from at start; null for the repository's R6 seed.</summary>
    public string? SeedFile { get; init; }

    /// <summary>
    /// A clock the test moves, registered as the application's <see cref="TimeProvider"/>: for tests about deadlines,
    /// reminders, sessions and Japan time. Null (the default) leaves the real clock. See <see cref="AppFactory.Clock"/>.
    /// </summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Services replaced for this application, after the application's own (a counting seam, a fake engine).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Folders deleted with the application (a generated seed file's folder, a second install's link).</summary>
    public IReadOnlyList<string> TemporaryFolders { get; init; } = [];

    /// <summary>A clock starting at <paramref name="utc"/>, for <see cref="Clock"/>.</summary>
    public static FakeTimeProvider ClockAt(DateTimeOffset utc) => new(utc);
}
