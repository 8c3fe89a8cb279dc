using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests;

/// <summary>
/// One <see cref="ReaderApp"/> (the seed, one signed-in 閲覧 user) for every test class that only reads: mark the class
/// <c>[Collection(SharedReaderApp.Name)]</c> and take <see cref="ReaderApp"/> in its constructor. A test that writes
/// anything (a report, a plan, a user) takes an application of its own (<c>IClassFixture</c>) instead, so that no
/// reading test depends on what another wrote. The classes of one collection run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedReaderApp : ICollectionFixture<ReaderApp>
{
    public const string Name = "One reader application, read only";
}

/// <summary>
/// One <see cref="PublishedWorkflowFixture"/> (R6 published, the five kinds of people) for test classes that only read
/// what those people see: <c>[Collection(SharedPublishedApp.Name)]</c>. Writers take their own (<c>IClassFixture</c>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedPublishedApp : ICollectionFixture<PublishedWorkflowFixture>
{
    public const string Name = "One published workflow application, read only";
}
