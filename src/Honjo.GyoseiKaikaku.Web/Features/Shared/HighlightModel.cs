namespace Honjo.GyoseiKaikaku.Web.Features.Shared;

/// <summary>A text cut into plain and matching segments, so that search hits can be marked without raw HTML.</summary>
public sealed record HighlightModel(string Text, IReadOnlyList<string> Terms)
{
    public IEnumerable<(string Text, bool Hit)> Segments()
    {
        var position = 0;
        while (position < Text.Length)
        {
            var next = Terms
                .Where(t => t.Length > 0)
                .Select(t => (Term: t, Index: Text.IndexOf(t, position, StringComparison.Ordinal)))
                .Where(x => x.Index >= 0)
                .OrderBy(x => x.Index)
                .ThenByDescending(x => x.Term.Length)
                .FirstOrDefault();
            if (next.Term is null)
            {
                yield return (Text[position..], false);
                yield break;
            }

            if (next.Index > position)
            {
                yield return (Text[position..next.Index], false);
            }

            yield return (next.Term, true);
            position = next.Index + next.Term.Length;
        }
    }
}
