namespace Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

/// <summary>How a use case ended. Each has one HTTP answer (<see cref="UseCaseHttp"/>).</summary>
public enum UseCaseStatus
{
    /// <summary>Done (or, for a query, found): 200, or the use case's redirect.</summary>
    Ok,

    /// <summary>Nothing to act on (unknown plan, edition, user…): 404.</summary>
    NotFound,

    /// <summary>The person may not do this: 403.</summary>
    Forbidden,

    /// <summary>Refused: the input is invalid or the state does not allow it; nothing saved. 422 with the page again.</summary>
    Invalid,

    /// <summary>Refused: someone changed the record since the form was opened. 409 with the page again, the input kept.</summary>
    Conflict,
}

/// <summary>
/// What every use case answers: how it ended, the value to show (the page's model, also on a refusal, so the page keeps
/// what the person typed) and the refusal's messages in Japanese. One type for every feature, mapped to HTTP once in
/// <see cref="UseCaseHttp"/> (ADR 0027).
/// </summary>
public sealed record UseCaseResult<T>(UseCaseStatus Status, T? Value = default)
{
    /// <summary>Why it was refused, in Japanese, in the order of the form; empty unless Invalid or Conflict.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool IsOk => Status == UseCaseStatus.Ok;

    /// <summary>The first refusal message; null when there is none.</summary>
    public string? Error => Errors.Count > 0 ? Errors[0] : null;

    /// <summary>The same ending for another value type: a refusal met while loading, passed on by the use case.</summary>
    public UseCaseResult<TOther> As<TOther>(TOther? value = default) => new(Status, value) { Errors = Errors };
}

/// <summary>The ways to make a <see cref="UseCaseResult{T}"/>.</summary>
public static class UseCaseResult
{
    public static UseCaseResult<T> NotFound<T>() => new(UseCaseStatus.NotFound);

    public static UseCaseResult<T> Forbidden<T>() => new(UseCaseStatus.Forbidden);

    public static UseCaseResult<T> Ok<T>(T value) => new(UseCaseStatus.Ok, value);

    public static UseCaseResult<T> Invalid<T>(T? value, IReadOnlyList<string> errors) => new(UseCaseStatus.Invalid, value) { Errors = errors };

    public static UseCaseResult<T> Invalid<T>(T? value, string error) => Invalid(value, [error]);

    public static UseCaseResult<T> Conflict<T>(T? value, IReadOnlyList<string> errors) => new(UseCaseStatus.Conflict, value) { Errors = errors };
}

/// <summary>A use case that answers nothing but how it ended (and why it was refused).</summary>
public readonly record struct Done
{
    public static Done Value { get; }
}
