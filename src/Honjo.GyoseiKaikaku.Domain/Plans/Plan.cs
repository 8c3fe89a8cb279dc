using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Outline;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>
/// A 実施計画 as one edition prints it: one sheet of that year's booklet. The plan's identity across editions — its
/// field and number (<see cref="PlanNumber"/>) and its year-end reports — is its <see cref="Key"/>; two plans may
/// share a name. See ADR 0016.
/// </summary>
public sealed class Plan
{
    public const int MaxNameLength = 200;
    public const int MaxItemLength = 2000;

    private readonly List<PlanExecutingDepartment> _executingDepartments = [];
    private readonly List<PlanCooperator> _cooperators = [];
    private readonly List<PlanTextItem> _textItems = [];
    private readonly List<PlanYearTarget> _yearTargets = [];
    private readonly List<PlanSdgGoal> _sdgGoals = [];
    private readonly List<PlanChange> _changes = [];

    private Plan()
    {
        Name = string.Empty;
    }

    public Plan(
        ReformField field,
        int number,
        string name,
        FiscalYear startYear,
        FiscalYear targetYear,
        ReformPerspective perspective)
    {
        ArgumentNullException.ThrowIfNull(field);
        Key = new PlanKey(new PlanNumber(field.Number, number));
        FieldNumber = field.Number;
        Field = field;
        Number = number;
        Name = Guard.Required(name, "計画名", MaxNameLength);
        SetYears(startYear, targetYear);
        Perspective = perspective;
    }

    public int Id { get; private set; }

    public int PlanKeyId { get; private set; }

    /// <summary>The plan across editions: its number and its year-end reports.</summary>
    public PlanKey Key { get; private set; } = null!;

    public int EditionId { get; private set; }

    /// <summary>The edition whose sheet this version is.</summary>
    public Editions.BookletEdition? Edition { get; private set; }

    /// <summary>Incremented on every change to the plan's content; an edit based on an older version is a conflict.</summary>
    public int Version { get; private set; }

    public int FieldNumber { get; private set; }

    public ReformField Field { get; private set; } = null!;

    public int Number { get; private set; }

    public PlanNumber PlanNumber => new(FieldNumber, Number);

    /// <summary>計画名.</summary>
    public string Name { get; private set; }

    /// <summary>開始年度.</summary>
    public FiscalYear StartYear { get; private set; }

    /// <summary>達成目標年度.</summary>
    public FiscalYear TargetYear { get; private set; }

    /// <summary>改革の視点.</summary>
    public ReformPerspective Perspective { get; private set; }

    /// <summary>True when the 連携課 list ends in "など": the named units are examples, not all.</summary>
    public bool CooperatorsOpenEnded { get; private set; }

    public IReadOnlyList<PlanExecutingDepartment> ExecutingDepartments => _executingDepartments;

    public IReadOnlyList<PlanCooperator> Cooperators => _cooperators;

    public IReadOnlyList<PlanTextItem> TextItems => _textItems;

    public IReadOnlyList<PlanYearTarget> YearTargets => _yearTargets;

    public IReadOnlyList<PlanSdgGoal> SdgGoals => _sdgGoals;

    /// <summary>The 計画変更 recorded on this version (this edition's changes to a carried-over plan).</summary>
    public IReadOnlyList<PlanChange> Changes => _changes;

    /// <summary>
    /// This version was carried over from an earlier edition: changing it is a 計画変更, which needs a kind and a
    /// reason (<see cref="RecordChange"/>). A plan's first version (new in its edition, or the seed's) is edited freely.
    /// </summary>
    public bool IsCarriedOver { get; private set; }

    /// <summary>The plan's year-end reports, every year (they belong to the <see cref="Key"/>, not to this version).</summary>
    public IReadOnlyList<YearEndReport> YearEndReports => Key.YearEndReports;

    /// <summary>連携課 as printed: "課税課、支所市民福祉課", "全庁", "財政課、…、農業委員会事務局など".</summary>
    public string CooperatorsText =>
        string.Join("、", _cooperators.OrderBy(c => c.Order).Select(c => c.Label)) + (CooperatorsOpenEnded ? "など" : string.Empty);

    /// <summary>実行課 as printed, joined with "、".</summary>
    public string ExecutingDepartmentsText =>
        string.Join("、", _executingDepartments.OrderBy(d => d.Order).Select(d => d.Department.Name));

    public bool IsRunningIn(FiscalYear year) => year >= StartYear && year <= TargetYear;

    public IReadOnlyList<string> Items(PlanTextSection section) =>
        _textItems.Where(i => i.Section == section).OrderBy(i => i.Order).Select(i => i.Text).ToList();

    public string TargetFor(FiscalYear year) => _yearTargets.FirstOrDefault(t => t.Year == year)?.Text ?? string.Empty;

    /// <summary>The quantity of <paramref name="year"/>'s target when it is numeric; null when text only or blank.</summary>
    public TargetQuantity? QuantityFor(FiscalYear year) => _yearTargets.FirstOrDefault(t => t.Year == year)?.Quantity;

    public YearEndReport? ReportFor(FiscalYear year) => Key.ReportFor(year);

    /// <summary>Makes this version the sheet of <paramref name="edition"/>; a version belongs to one edition.</summary>
    public void PlaceIn(Editions.BookletEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (EditionId != 0 && EditionId != edition.Id)
        {
            throw new DomainException("計画の版は1つの冊子にだけ属します。");
        }

        Edition = edition;
        EditionId = edition.Id;
    }

    public EvaluationGrade? GradeFor(FiscalYear year) => ReportFor(year)?.Grade;

    public void Rename(string name)
    {
        var value = Guard.Required(name, "計画名", MaxNameLength);
        if (value != Name)
        {
            EnsureEditable();
            Name = value;
            Version++;
        }
    }

    public void SetYears(FiscalYear startYear, FiscalYear targetYear)
    {
        if (targetYear < startYear)
        {
            throw new DomainException("達成目標年度は開始年度以降の年度を指定してください。");
        }

        if (startYear != StartYear || targetYear != TargetYear)
        {
            EnsureEditable();
            StartYear = startYear;
            TargetYear = targetYear;
            Version++;
        }
    }

    public void ChangePerspective(ReformPerspective perspective)
    {
        if (!Enum.IsDefined(perspective))
        {
            throw new DomainException("改革の視点を選択してください。");
        }

        if (perspective != Perspective)
        {
            EnsureEditable();
            Perspective = perspective;
            Version++;
        }
    }

    public void SetExecutingDepartments(IReadOnlyList<Department> departments)
    {
        ArgumentNullException.ThrowIfNull(departments);
        if (departments.Count == 0)
        {
            throw new DomainException("実行課を1つ以上指定してください。");
        }

        if (departments.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() != departments.Count)
        {
            throw new DomainException("実行課に同じ部署が重複しています。");
        }

        if (_executingDepartments.OrderBy(d => d.Order).Select(d => d.DepartmentId).SequenceEqual(departments.Select(d => d.Id))
            && departments.All(d => d.Id != 0))
        {
            return;
        }

        EnsureEditable();
        _executingDepartments.Clear();
        _executingDepartments.AddRange(departments.Select((d, i) => new PlanExecutingDepartment(d, i + 1)));
        Version++;
    }

    /// <summary>
    /// After a 組織改正: every department that <paramref name="current"/> maps to its successor is replaced, in 実行課 and
    /// 連携課 alike; a department that a merger leaves twice is kept once (and not as a 連携課 of its own plan). Not a
    /// 計画変更: the sheet says the same, under the organisation's new name. False when nothing changed.
    /// </summary>
    public bool ApplyReorganization(Func<Department, Department> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (_executingDepartments.All(d => current(d.Department) == d.Department)
            && _cooperators.All(c => c.Department is null || current(c.Department) == c.Department))
        {
            return false;
        }

        EnsureEditable();
        var executing = _executingDepartments.OrderBy(d => d.Order).Select(d => current(d.Department)).Distinct().ToList();
        var cooperators = _cooperators.OrderBy(c => c.Order)
            .Select(c => (Department: c.Department is null ? null : current(c.Department), c.GroupLabel))
            .Where(c => c.Department is null || !executing.Contains(c.Department))
            .DistinctBy(c => (object?)c.Department ?? c.GroupLabel)
            .ToList();
        _executingDepartments.Clear();
        _executingDepartments.AddRange(executing.Select((d, i) => new PlanExecutingDepartment(d, i + 1)));
        _cooperators.Clear();
        _cooperators.AddRange(cooperators.Select((c, i) => new PlanCooperator(c.Department, c.GroupLabel, i + 1)));
        Version++;
        return true;
    }

    /// <summary>Sets 連携課: each entry a department or a group word; <paramref name="openEnded"/> for a list ending in など.</summary>
    public void SetCooperators(IReadOnlyList<(Department? Department, string? GroupLabel)> entries, bool openEnded)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (openEnded && entries.Count == 0)
        {
            throw new DomainException("「など」を付ける場合は連携課を1つ以上指定してください。");
        }

        var created = entries.Select((e, i) => new PlanCooperator(e.Department, e.GroupLabel, i + 1)).ToList();
        if (openEnded == CooperatorsOpenEnded
            && _cooperators.OrderBy(c => c.Order).Select(c => c.Label).SequenceEqual(created.Select(c => c.Label)))
        {
            return;
        }

        EnsureEditable();
        _cooperators.Clear();
        _cooperators.AddRange(created);
        CooperatorsOpenEnded = openEnded;
        Version++;
    }

    public void SetItems(PlanTextSection section, IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var cleaned = items.Select(i => i?.Trim() ?? string.Empty).Where(i => i.Length > 0).ToList();
        var label = section.DisplayName();
        if (cleaned.Any(i => i.Length > MaxItemLength))
        {
            throw new DomainException($"{label}の各項目は{MaxItemLength}文字以内で入力してください。");
        }

        if (Items(section).SequenceEqual(cleaned))
        {
            return;
        }

        EnsureEditable();
        _textItems.RemoveAll(i => i.Section == section);
        _textItems.AddRange(cleaned.Select((text, i) => new PlanTextItem(section, i + 1, text)));
        Version++;
    }

    public void SetTarget(FiscalYear year, string? text)
    {
        var value = Guard.Optional(text?.Replace("\r\n", "\n", StringComparison.Ordinal), $"{year.JapaneseName}の達成目標", MaxItemLength);
        var existing = _yearTargets.FirstOrDefault(t => t.Year == year);
        if (existing is null)
        {
            EnsureEditable();
            _yearTargets.Add(new PlanYearTarget(year, value));
            Version++;
        }
        else if (existing.Text != value)
        {
            EnsureEditable();
            if ((Key ?? throw new InvalidOperationException("Changing a target needs the plan's key and reports loaded.")).ReportFor(year) is { Status: ReportStatus.Accepted })
            {
                throw new DomainException($"{year.JapaneseName}の報告は確認済のため、{year.JapaneseName}の達成目標は変更できません。");
            }

            // A carried-over plan keeps the target as first set, so the sheet can print 元の目標 → 変更後.
            existing.SetText(value, keepOriginal: IsCarriedOver);
            Version++;
        }
        else
        {
            // Targets stored before the quantity columns existed get them on the next save.
            existing.RefreshQuantity();
        }
    }

    /// <summary>
    /// Stores the quantity read from each target beside its text, where it is missing (a database made before numeric
    /// targets). The texts do not change, so a fixed (published) version may be refreshed too. True when any changed.
    /// </summary>
    public bool RefreshTargetQuantities()
    {
        var changed = false;
        foreach (var target in _yearTargets)
        {
            var before = (target.TargetValue, target.TargetUnit, target.TargetDirection);
            target.RefreshQuantity();
            changed |= before != (target.TargetValue, target.TargetUnit, target.TargetDirection);
        }

        return changed;
    }

    public void SetSdgGoals(IEnumerable<int> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        var distinct = goals.Distinct().Order().ToList();
        var created = distinct.Select(g => new PlanSdgGoal(g)).ToList();
        if (_sdgGoals.Select(g => g.Goal).Order().SequenceEqual(distinct))
        {
            return;
        }

        EnsureEditable();
        _sdgGoals.Clear();
        _sdgGoals.AddRange(created);
        Version++;
    }

    /// <summary>
    /// The next edition's version of this plan: the same identity and content, unlocked, placed in <paramref name="next"/>.
    /// The next edition's changes (計画変更) are made on the copy.
    /// </summary>
    public Plan CopyInto(Editions.BookletEdition next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Year <= (Edition?.Year ?? next.Year.Previous))
        {
            throw new DomainException("計画は後の年度の版にだけ引き継げます。");
        }

        var copy = new Plan
        {
            Key = Key,
            PlanKeyId = PlanKeyId,
            FieldNumber = FieldNumber,
            Field = Field,
            Number = Number,
            Name = Name,
            StartYear = StartYear,
            TargetYear = TargetYear,
            Perspective = Perspective,
            CooperatorsOpenEnded = CooperatorsOpenEnded,
            IsCarriedOver = true,
        };
        copy._executingDepartments.AddRange(_executingDepartments.OrderBy(d => d.Order).Select(d => new PlanExecutingDepartment(d.Department, d.Order)));
        copy._cooperators.AddRange(_cooperators.OrderBy(c => c.Order).Select(c => new PlanCooperator(c.Department, c.GroupLabel, c.Order)));
        copy._textItems.AddRange(_textItems.Select(i => new PlanTextItem(i.Section, i.Order, i.Text)));
        copy._yearTargets.AddRange(_yearTargets.Select(t => t.CopyForNextEdition()));
        copy._sdgGoals.AddRange(_sdgGoals.Select(g => new PlanSdgGoal(g.Goal)));
        copy.PlaceIn(next);
        return copy;
    }

    /// <summary>
    /// 期間変更 while carrying the plan into a new edition: the new 達成目標年度, with the reason appended to 備考 in the
    /// form the booklet prints 「&lt;令和7年度計画変更&gt; 理由」.
    /// </summary>
    public void ExtendTo(FiscalYear targetYear, string? reason, DateTimeOffset at, string by)
    {
        var why = Guard.Required(reason, "期間変更の理由", MaxItemLength - 20);
        if (targetYear <= TargetYear)
        {
            throw new DomainException($"延長後の達成目標年度は{TargetYear.Code}より後の年度にしてください。");
        }

        SetYears(StartYear, targetYear);
        RecordChange(PlanChangeType.Period, why, at, by);
    }

    /// <summary>
    /// Records a 計画変更 of this edition's version: its kind and reason, printed in 備考 after the earlier notes in the
    /// source's form 「&lt;令和7年度計画変更&gt; 理由」.
    /// </summary>
    public void RecordChange(PlanChangeType type, string? reason, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainException("計画変更の種類を選んでください。");
        }

        var why = Guard.Required(reason, "計画変更の理由", PlanChange.MaxReasonLength);
        var year = Edition?.Year ?? throw new InvalidOperationException("A plan change needs the version's edition.");
        EnsureEditable();
        _changes.Add(new PlanChange(type, why, at, by));
        // As the source prints it: the heading 「<令和7年度計画変更>」 on its own line, then the reason; a second change in
        // the same edition adds its reason under the same heading.
        var heading = $"<{year.JapaneseName}計画変更>";
        var remarks = Items(PlanTextSection.Remarks);
        SetItems(PlanTextSection.Remarks, remarks.Contains(heading) ? [.. remarks, why] : [.. remarks, heading, why]);
    }

    /// <summary>
    /// 計画の公表 fixed this version: set on every version of the edition when it is published, and stored with the
    /// version, so the lock holds however the plan was loaded.
    /// </summary>
    public bool IsLocked { get; private set; }

    /// <summary>Fixes this version (計画の公表 of its edition).</summary>
    public void Lock() => IsLocked = true;

    /// <summary>Set only inside <see cref="OpenForCorrection"/>: the one way a fixed version changes.</summary>
    private bool _correcting;

    /// <summary>This version is fixed by 計画の公表 of its edition: only a 訂正 changes it.</summary>
    public bool IsFixed => IsLocked || Edition is { IsPlanLocked: true };

    /// <summary>
    /// 訂正: opens a fixed (published) version for changes until the returned scope is disposed. Needs a reason; refused
    /// for a draft's version, which is edited normally. The caller records the 訂正 with the edition
    /// (<see cref="Editions.BookletEdition.RecordCorrection"/>), which publishes the booklet again.
    /// </summary>
    public IDisposable OpenForCorrection(string? reason)
    {
        Guard.Required(reason, "訂正の理由", Editions.Correction.MaxReasonLength);
        if (!IsFixed)
        {
            throw new DomainException("この計画の版はまだ案（計画の公表前）のため、訂正は不要です。計画の編集でそのまま変更してください。");
        }

        _correcting = true;
        return new CorrectionScope(this);
    }

    private sealed class CorrectionScope(Plan plan) : IDisposable
    {
        public void Dispose() => plan._correcting = false;
    }

    /// <summary>After 計画の公表 an edition's versions are fixed: every change to the content is refused here, on every path, except inside a 訂正.</summary>
    private void EnsureEditable()
    {
        if (IsFixed && !_correcting)
        {
            throw new DomainException("この計画は公表済みの版に載っているため、内容は変更できません。");
        }
    }

    /// <summary>
    /// Returns the year-end record for <paramref name="year"/> to be entered, creating an empty one if there is none.
    /// Refused while this version's edition is the year's and still a draft (entry opens at 計画の公表).
    /// </summary>
    public YearEndReport ReportForOrCreate(FiscalYear year)
    {
        if (!IsRunningIn(year))
        {
            throw new DomainException($"この計画は{year.JapaneseName}の実施期間外です（{StartYear.JapaneseName}～{TargetYear.JapaneseName}）。");
        }

        EnsureReportEntryOpen(year);
        return Key.ReportForOrCreate(year);
    }

    /// <summary>
    /// A report of the edition's own year is entered only once the edition is published. A version read from the
    /// database must come with its edition, so the rule cannot be skipped by leaving it unloaded.
    /// </summary>
    private void EnsureReportEntryOpen(FiscalYear year)
    {
        if (Edition is null && EditionId != 0)
        {
            throw new InvalidOperationException("Entering a report needs the plan version's edition loaded.");
        }

        if (Edition is { } edition && edition.Year == year)
        {
            edition.EnsureReportEntryOpen();
        }
    }

    /// <summary>Records a year-end result that was already published (the seed's R5 grades).</summary>
    public void RecordPublishedResult(FiscalYear year, string statusReport, EvaluationGrade? grade, string nextYearPolicy) =>
        ReportForOrCreate(year).RecordPublishedResult(statusReport, grade, nextYearPolicy);
}
