using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Council;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

/// <summary>The 審議会's opinion workflow as the entity decides it (ADR 0029): who may do what, in which state, and the closed table.</summary>
public sealed class CouncilOpinionTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly CouncilActor Member = new("m1", "委員A", IsMember: true, IsPlanningOffice: false, []);
    private static readonly CouncilActor OtherMember = new("m2", "委員B", IsMember: true, IsPlanningOffice: false, []);
    private static readonly CouncilActor Office = new("o1", "企画課", IsMember: false, IsPlanningOffice: true, []);
    private static readonly CouncilActor Shimin = new("d1", "市民課", IsMember: false, IsPlanningOffice: false, [10]);
    private static readonly CouncilActor Joho = new("d2", "情報システム課", IsMember: false, IsPlanningOffice: false, [20]);

    [Fact]
    public void The_loop_runs_draft_submit_forward_answer_return_answer_accept_and_each_step_bumps_the_version()
    {
        var table = new CouncilTable(1);
        var opinion = CouncilOpinion.Draft(table, 7, Member, " 意見 ", Now);
        Assert.Equal(("意見", CouncilOpinionStatus.Draft, 1), (opinion.Body, opinion.Status, opinion.Version));

        opinion.Submit(table, Member, Now);
        opinion.Forward(table, Office, [10], Now);
        Assert.True(opinion.IsForwardedTo(Shimin));
        Assert.False(opinion.IsForwardedTo(Joho));
        opinion.Answer(table, Shimin, "対応します", Now);
        opinion.Return(table, Office, "時期を書いてください");
        opinion.Answer(table, Shimin, "令和7年度に対応します", Now);
        opinion.Accept(table, Office, Now);

        Assert.Equal((CouncilOpinionStatus.Accepted, "令和7年度に対応します", 7), (opinion.Status, opinion.Response, opinion.Version));
    }

    [Fact]
    public void Only_the_author_edits_a_draft_and_nobody_edits_a_submitted_one()
    {
        var table = new CouncilTable(1);
        var opinion = CouncilOpinion.Draft(table, null, Member, "意見", Now);
        Assert.Throws<DomainException>(() => opinion.Edit(table, OtherMember, "書き換え"));
        Assert.Throws<DomainException>(() => opinion.Submit(table, Office, Now));
        Assert.Throws<DomainException>(() => CouncilOpinion.Draft(table, null, Office, "企画課の意見", Now));

        opinion.Submit(table, Member, Now);
        Assert.Throws<DomainException>(() => opinion.Edit(table, Member, "提出後"));
        Assert.Throws<DomainException>(() => opinion.EnsureDeletableBy(Member));
    }

    [Fact]
    public void Forwarding_answering_and_reviewing_refuse_the_wrong_people_and_states()
    {
        var table = new CouncilTable(1);
        var opinion = CouncilOpinion.Draft(table, 7, Member, "意見", Now);
        Assert.Throws<DomainException>(() => opinion.Forward(table, Office, [10], Now)); // a draft
        opinion.Submit(table, Member, Now);
        Assert.Throws<DomainException>(() => opinion.Forward(table, Shimin, [10], Now));
        Assert.Throws<DomainException>(() => opinion.Forward(table, Office, [], Now)); // a plan's opinion needs its departments
        opinion.Forward(table, Office, [10], Now);
        Assert.Throws<DomainException>(() => opinion.Answer(table, Joho, "他課", Now));
        Assert.Throws<DomainException>(() => opinion.Answer(table, Shimin, "  ", Now));
        Assert.Throws<DomainException>(() => opinion.Accept(table, Office, Now)); // nothing answered yet
        opinion.Answer(table, Shimin, "対応します", Now);
        Assert.Throws<DomainException>(() => opinion.Accept(table, Shimin, Now));
        Assert.Throws<DomainException>(() => opinion.Return(table, Office, ""));
        opinion.Accept(table, Office, Now);
        Assert.Throws<DomainException>(() => opinion.Answer(table, Shimin, "確認後の修正", Now));
    }

    [Fact]
    public void A_general_opinion_kept_by_the_office_is_answered_by_the_office()
    {
        var table = new CouncilTable(1);
        var opinion = CouncilOpinion.Draft(table, null, Member, "全体への意見", Now);
        opinion.Submit(table, Member, Now);
        opinion.Forward(table, Office, [], Now);
        Assert.True(opinion.AnsweredByOffice);
        Assert.Throws<DomainException>(() => opinion.Answer(table, Shimin, "回答", Now));
        opinion.Answer(table, Office, "企画課が回答します", Now);
        Assert.Equal(CouncilOpinionStatus.Answered, opinion.Status);
    }

    [Fact]
    public void A_published_table_refuses_every_change_until_the_office_reopens_it_with_a_reason()
    {
        var table = new CouncilTable(1);
        var accepted = CouncilOpinion.Draft(table, 7, Member, "意見", Now);
        accepted.Submit(table, Member, Now);
        accepted.Forward(table, Office, [10], Now);
        accepted.Answer(table, Shimin, "対応します", Now);
        var draft = CouncilOpinion.Draft(table, 8, OtherMember, "下書き", Now);
        var submitted = CouncilOpinion.Draft(table, 9, OtherMember, "提出済", Now);
        submitted.Submit(table, OtherMember, Now);

        Assert.Throws<DomainException>(() => table.Publish(Office, [accepted, draft, submitted], Now)); // not all accepted
        accepted.Accept(table, Office, Now);
        Assert.Throws<DomainException>(() => table.Publish(Office, [draft], Now)); // nothing handed in
        Assert.Throws<DomainException>(() => table.Publish(Member, [accepted, draft], Now));
        table.Publish(Office, [accepted, draft], Now); // drafts stay out
        Assert.Equal((true, 1), (table.IsPublished, table.Revision));

        Assert.Throws<DomainException>(() => draft.Submit(table, OtherMember, Now));
        Assert.Throws<DomainException>(() => accepted.Return(table, Office, "理由"));
        Assert.Throws<DomainException>(() => CouncilOpinion.Draft(table, 7, Member, "新しい意見", Now));
        Assert.Throws<DomainException>(() => table.Reopen(Shimin, "理由", Now));
        Assert.Throws<DomainException>(() => table.Reopen(Office, " ", Now));

        table.Reopen(Office, "誤記の訂正", Now);
        accepted.Return(table, Office, "誤記を直してください");
        accepted.Answer(table, Shimin, "対応します（訂正）", Now);
        accepted.Accept(table, Office, Now);
        table.Publish(Office, [accepted], Now);
        Assert.Equal(2, table.Revision);
    }
}
