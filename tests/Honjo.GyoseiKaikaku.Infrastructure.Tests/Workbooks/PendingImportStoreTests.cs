using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Workbooks;

/// <summary>Previewed imports in the database: only their owner loads them, once; expired ones are gone.</summary>
[Collection(SeededDatabaseGroup.Name)]
public sealed class PendingImportStoreTests(SeededDatabase database)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task An_import_is_loaded_by_its_owner_only_and_deleted_once()
    {
        await using var db = database.NewContext();
        var store = Store(db, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var id = await store.SaveAsync(Import("owner"), default);

        Assert.Null(await store.LoadAsync(id, "someone-else", default));
        Assert.Equal("R6", (await store.LoadAsync(id, "owner", default))!.Year);
        Assert.True(await store.DeleteAsync(id, default));
        Assert.False(await store.DeleteAsync(id, default));
        Assert.Null(await store.LoadAsync(id, "owner", default));
    }

    [Fact]
    public async Task Expired_imports_are_refused_and_removed_when_the_next_preview_is_saved()
    {
        await using var db = database.NewContext();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = Store(db, clock);
        var old = await store.SaveAsync(Import("late"), default);
        var other = await store.SaveAsync(Import("later"), default);

        clock.Advance(Lifetime + TimeSpan.FromSeconds(1));

        Assert.Null(await store.LoadAsync(old, "late", default));
        Assert.False(await db.PendingImports.AnyAsync(r => r.Id == old));
        Assert.True(await db.PendingImports.AnyAsync(r => r.Id == other));
        var fresh = await store.SaveAsync(Import("late"), default);
        Assert.False(await db.PendingImports.AnyAsync(r => r.Id == other));
        Assert.NotNull(await store.LoadAsync(fresh, "late", default));
    }

    private static PendingImportStore Store(Data.AppDbContext db, TimeProvider clock) =>
        new(db, Microsoft.Extensions.Options.Options.Create(new PendingImportOptions { Lifetime = Lifetime }), clock);

    private static PendingImport Import(string userId) =>
        new(userId, DateTimeOffset.UtcNow, "R6", "年度末報告_R6.xlsx", null, [new PendingPlanChange(1, "1-9", "C7", 0, "fp", "報告", "A", "方針")]);
}
