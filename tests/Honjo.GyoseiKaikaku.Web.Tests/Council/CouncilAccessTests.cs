using System.Net;
using Honjo.GyoseiKaikaku.Domain.Council;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests.Council;

/// <summary>
/// Who sees and changes what in the 審議会's workflow: a member reads published editions only and never another
/// member's draft; a department only the opinions forwarded to it; nobody but the 企画課 forwards, reviews or
/// publishes; a stale form is refused with the input kept (ADR 0029).
/// </summary>
public sealed class CouncilAccessTests(CouncilFixture app) : IClassFixture<CouncilFixture>
{
    [Theory]
    [InlineData("/plans?year=R7")]
    [InlineData("/plans/1-9?year=R7")]
    [InlineData("/departments?year=R7")]
    [InlineData("/summary?year=R7")]
    [InlineData("/booklets/R7.pdf")]
    [InlineData("/booklets/R7.xlsx")]
    [InlineData("/booklets/R7/changes")]
    [InlineData("/council?year=R7")]
    public async Task A_member_cannot_read_the_draft_edition(string url)
    {
        var member = await app.SignedInClientAsync(WorkflowFixture.Member);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);

        // The same page is there for the 企画課, so the 404 is the member's.
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        Assert.NotEqual(HttpStatusCode.NotFound, (await office.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_member_reads_the_published_edition_and_the_selector_lists_no_draft()
    {
        var member = await app.SignedInClientAsync(WorkflowFixture.Member);
        var index = await member.GetDocumentAsync("/plans");
        Assert.Contains("令和6年度", index.QuerySelector("h1")!.TextContent + index.Title, StringComparison.Ordinal);
        Assert.Null(index.QuerySelector("#edition-year option[value='R7']"));
        Assert.NotNull(await member.GetDocumentAsync("/plans/1-9"));
        Assert.NotNull((await member.GetDocumentAsync("/plans/1-9/council")).QuerySelector("form[data-opinion-form]"));
    }

    [Fact]
    public async Task A_members_five_year_view_and_booklet_list_leave_the_draft_edition_out()
    {
        var office = await (await app.SignedInClientAsync(WorkflowFixture.Office)).GetStringAsync(new Uri("/plans/1-9/period", UriKind.Relative));
        Assert.Contains("令和7年度版（案）", office, StringComparison.Ordinal);
        var client = await app.SignedInClientAsync(WorkflowFixture.Member);
        var member = await client.GetStringAsync(new Uri("/plans/1-9/period", UriKind.Relative));
        Assert.Contains("令和6年度版", member, StringComparison.Ordinal);
        Assert.DoesNotContain("令和7年度版", member, StringComparison.Ordinal);

        // The 冊子 page lists the published edition only.
        var booklets = await client.GetStringAsync(new Uri("/booklets", UriKind.Relative));
        Assert.Contains("/booklets/R6/download?format=pdf", booklets, StringComparison.Ordinal);
        Assert.DoesNotContain("/booklets/R7", booklets, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_opinion_is_its_authors_alone()
    {
        var member = await app.SignedInClientAsync(WorkflowFixture.Member);
        var other = await app.SignedInClientAsync(CouncilFixture.OtherMember);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var id = (await member.WriteOpinionAsync("1-10", "下書きの意見（他の委員には見えない）", "save")).OpinionId();

        Assert.Contains("下書きの意見", (await member.GetDocumentAsync($"/council/opinions/{id}")).QuerySelector("#Body")!.TextContent, StringComparison.Ordinal);
        foreach (var client in new[] { other, office })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/council/opinions/{id}", UriKind.Relative))).StatusCode);
            var list = await client.GetStringAsync(new Uri("/council", UriKind.Relative));
            Assert.DoesNotContain("下書きの意見", list, StringComparison.Ordinal);
        }

        var before = await app.SnapshotAsync();
        var version = await app.VersionAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.ActAsync(id, "edit", new Dictionary<string, string> { ["Version"] = version, ["Body"] = "書き換え", ["Command"] = "submit" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.ActAsync(id, "delete", new Dictionary<string, string> { ["Version"] = version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.ActAsync(id, "forward", new Dictionary<string, string> { ["Version"] = version })).StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());

        // The author saves, submits (then it is read-only for them), and the 企画課 sees it with the author's name.
        Assert.Equal(HttpStatusCode.Redirect, (await member.ActAsync(id, "edit", new Dictionary<string, string> { ["Version"] = version, ["Body"] = "提出する意見", ["Command"] = "submit" })).StatusCode);
        Assert.Equal((CouncilOpinionStatus.Submitted, "提出する意見"), ((await app.OpinionAsync(id)).Status, (await app.OpinionAsync(id)).Body));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await member.ActAsync(id, "edit", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(id), ["Body"] = "提出後の変更", ["Command"] = "save" })).StatusCode);
        var seen = await office.GetDocumentAsync($"/council/opinions/{id}");
        Assert.Contains(WorkflowFixture.Member, seen.QuerySelector("[data-author]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/council/opinions/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_member_deletes_a_draft_and_an_empty_opinion_is_refused_with_the_form_kept()
    {
        var member = await app.SignedInClientAsync(WorkflowFixture.Member);
        var empty = await member.WriteOpinionAsync("1-9", "   ", "save");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var page = await empty.ParseAsync();
        Assert.Contains("意見を入力してください。", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1-9", page.QuerySelector("#PlanId option[selected]")!.GetAttribute("value"));

        var id = (await member.WriteOpinionAsync("1-9", "消す下書き", "save")).OpinionId();
        Assert.Equal(HttpStatusCode.Redirect, (await member.ActAsync(id, "delete", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(id) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri($"/council/opinions/{id}", UriKind.Relative))).StatusCode);
    }

    /// <summary>Every council action by each kind of person who may not do it: refused (403, or 404 where the opinion is not theirs to see), nothing changed.</summary>
    [Theory]
    [InlineData(WorkflowFixture.Member, "forward")]
    [InlineData(WorkflowFixture.Member, "answer")]
    [InlineData(WorkflowFixture.Member, "accept")]
    [InlineData(WorkflowFixture.Member, "return")]
    [InlineData(WorkflowFixture.Member, "publish")]
    [InlineData(WorkflowFixture.Member, "reopen")]
    [InlineData(WorkflowFixture.Reader, "forward")]
    [InlineData(WorkflowFixture.Reader, "answer")]
    [InlineData(WorkflowFixture.Reader, "write")]
    [InlineData(WorkflowFixture.Reader, "publish")]
    [InlineData(WorkflowFixture.Shimin, "forward")]
    [InlineData(WorkflowFixture.Shimin, "accept")]
    [InlineData(WorkflowFixture.Shimin, "return")]
    [InlineData(WorkflowFixture.Shimin, "write")]
    [InlineData(WorkflowFixture.Shimin, "publish")]
    [InlineData(WorkflowFixture.Joho, "answer")]
    [InlineData(WorkflowFixture.Office, "write")]
    [InlineData(WorkflowFixture.Office, "edit")]
    public async Task Who_may_not_act_on_an_opinion(string user, string action)
    {
        // An opinion on 1-9 (市民課) forwarded and answered, and one still waiting to be forwarded.
        var member = await app.SignedInClientAsync(WorkflowFixture.Member);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var answered = (await member.WriteOpinionAsync("1-9", $"{user}/{action}: 回答済の意見")).OpinionId();
        await office.ActAsync(answered, "forward", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(answered) });
        await shimin.ActAsync(answered, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(answered), ["Response"] = "対応します。" });
        var submitted = (await member.WriteOpinionAsync("1-9", $"{user}/{action}: 回付待ちの意見")).OpinionId();
        Assert.Equal(CouncilOpinionStatus.Answered, (await app.OpinionAsync(answered)).Status);

        var client = await app.SignedInClientAsync(user);
        var before = await app.SnapshotAsync();
        var response = action switch
        {
            "forward" => await client.ActAsync(submitted, "forward", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(submitted) }),
            "answer" => await client.ActAsync(answered, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(answered), ["Response"] = "書き換え" }),
            "accept" => await client.ActAsync(answered, "accept", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(answered) }),
            "return" => await client.ActAsync(answered, "return", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(answered), ["Reason"] = "理由" }),
            "edit" => await client.ActAsync(submitted, "edit", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(submitted), ["Body"] = "書き換え", ["Command"] = "save" }),
            "write" => await client.WriteOpinionAsync("1-9", "委員でない人の意見"),
            "publish" => await client.PostFormAsync("/account/password", "/council/R6/publish", new Dictionary<string, string>()),
            "reopen" => await client.PostFormAsync("/account/password", "/council/R6/reopen", new Dictionary<string, string> { ["Reason"] = "理由" }),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user} {action}: {(int)response.StatusCode}");
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task A_department_sees_only_the_opinions_forwarded_to_it()
    {
        var member = await app.SignedInClientAsync(WorkflowFixture.Member);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var joho = await app.SignedInClientAsync(WorkflowFixture.Joho);
        var id = (await member.WriteOpinionAsync("1-10", "市民課の計画への意見（情報システム課には見えない）")).OpinionId();
        await office.ActAsync(id, "forward", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(id) });

        Assert.Equal(HttpStatusCode.NotFound, (await joho.GetAsync(new Uri($"/council/opinions/{id}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("情報システム課には見えない", await joho.GetStringAsync(new Uri("/council", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("情報システム課には見えない", await joho.GetStringAsync(new Uri("/plans/1-10/council", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("情報システム課には見えない", await (await app.SignedInClientAsync(WorkflowFixture.Shimin)).GetStringAsync(new Uri("/plans/1-10/council", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_answer_or_review_is_refused_with_the_input_kept()
    {
        var member = await app.SignedInClientAsync(WorkflowFixture.Member);
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var id = (await member.WriteOpinionAsync("1-9", "同時編集の確認")).OpinionId();
        await office.ActAsync(id, "forward", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(id) });
        await shimin.ActAsync(id, "answer", new Dictionary<string, string> { ["Version"] = await app.VersionAsync(id), ["Response"] = "最初の回答" });

        // Two tabs: both opened at this version; the first revision wins, the second is refused with its text kept.
        var opened = await app.VersionAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await shimin.ActAsync(id, "answer", new Dictionary<string, string> { ["Version"] = opened, ["Response"] = "一つ目のタブの回答" })).StatusCode);
        var stale = await shimin.ActAsync(id, "answer", new Dictionary<string, string> { ["Version"] = opened, ["Response"] = "二つ目のタブの回答" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.ParseAsync();
        Assert.Contains("ほかの人（または別のタブ）", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("二つ目のタブの回答", page.QuerySelector("#Response")!.TextContent);
        Assert.Equal("一つ目のタブの回答", (await app.OpinionAsync(id)).Response);

        // The 企画課 opened it before the department's last revision: its 確認 is refused, nothing accepted unseen.
        Assert.Equal(HttpStatusCode.Conflict, (await office.ActAsync(id, "accept", new Dictionary<string, string> { ["Version"] = opened })).StatusCode);
        Assert.Equal(CouncilOpinionStatus.Answered, (await app.OpinionAsync(id)).Status);

        // Accepted while the department revises: the revision is refused and its text shown to copy.
        var beforeAccept = await app.VersionAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await office.ActAsync(id, "accept", new Dictionary<string, string> { ["Version"] = beforeAccept })).StatusCode);
        var late = await shimin.ActAsync(id, "answer", new Dictionary<string, string> { ["Version"] = beforeAccept, ["Response"] = "確認中に直した回答" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("確認中に直した回答", (await late.ParseAsync()).QuerySelector("#typed-response")!.TextContent);
        Assert.Equal(("一つ目のタブの回答", CouncilOpinionStatus.Accepted), ((await app.OpinionAsync(id)).Response, (await app.OpinionAsync(id)).Status));
    }
}
