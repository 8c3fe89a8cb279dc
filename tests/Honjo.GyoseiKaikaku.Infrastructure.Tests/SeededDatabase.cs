using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Seeding;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests;

/// <summary>A real SQLite database in memory, migrated with the SQLite migrations and seeded from seed-data/.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        var seeded = await new BookletSeeder(db, NullLogger<BookletSeeder>.Instance).SeedIfEmptyAsync(RepoPaths.ReadSeed());
        if (!seeded)
        {
            throw new InvalidOperationException("A fresh database was expected to be seeded.");
        }
    }

    public AppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(_connection, o => o.MigrationsAssembly(MigrationAssemblies.Sqlite))
            .Options);

    public async Task DisposeAsync() => await _connection.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SeededDatabaseGroup : ICollectionFixture<SeededDatabase>
{
    public const string Name = "Seeded database";
}
