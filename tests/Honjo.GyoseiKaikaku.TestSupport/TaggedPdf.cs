using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>One element of a tagged PDF's structure tree: its type (H1, TH, TD…), the text of the marked content it
/// owns (what a screen reader reads), its /ID and, for a table cell, the /IDs its /Headers attribute names.</summary>
public sealed record StructureElement(string Type, string Text, string? Id, IReadOnlyList<string> Headers, int Page);

/// <summary>The structure tree, and the characters PdfPig reads on the pages but not inside marked content: the
/// ideographs Chromium draws from a radical's glyph (行, 革, 大…; see ToUnicodeNormalizer) come out of
/// <c>GetMarkedContents</c> empty, so a comparison leaves them out on both sides.</summary>
public sealed record StructureTree(IReadOnlyList<StructureElement> Elements, IReadOnlySet<char> Unreadable)
{
    public string Comparable(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && !Unreadable.Contains(c)));
}

/// <summary>
/// Reads the structure tree of a tagged PDF back, the way assistive technology does: walks /StructTreeRoot, collects
/// the marked-content ids (MCID) each element owns on its page, and joins the glyphs of those marked contents.
/// </summary>
public static class TaggedPdf
{
    public static StructureTree Read(byte[] pdfBytes)
    {
        using var pdf = PdfDocument.Open(pdfBytes);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var pageNumbers = new Dictionary<long, int>();
        var pageNumber = 0;
        NumberPages(pdf, catalog.Data["Pages"], pageNumbers, ref pageNumber);

        var textByPage = new Dictionary<int, Dictionary<int, string>>();
        Dictionary<int, string> MarkedText(int page)
        {
            if (!textByPage.TryGetValue(page, out var map))
            {
                map = [];
                foreach (var element in Flatten(pdf.GetPage(page).GetMarkedContents()))
                {
                    if (element.MarkedContentIdentifier >= 0)
                    {
                        map[element.MarkedContentIdentifier] = map.GetValueOrDefault(element.MarkedContentIdentifier, "") + string.Concat(element.Letters.Select(l => l.Value));
                    }
                }

                textByPage[page] = map;
            }

            return map;
        }

        var result = new List<StructureElement>();
        if (catalog.Data.TryGetValue("StructTreeRoot", out var rootToken))
        {
            var root = (DictionaryToken)Resolve(pdf, rootToken);
            Walk(pdf, root.Data.GetValueOrDefault("K"), 0, pageNumbers, MarkedText, result);
        }

        var onPages = new HashSet<char>(pdf.GetPages().SelectMany(p => p.Letters).SelectMany(l => l.Value));
        var marked = new HashSet<char>(Enumerable.Range(1, pdf.NumberOfPages).SelectMany(p => MarkedText(p).Values).SelectMany(t => t));
        onPages.ExceptWith(marked);
        return new StructureTree(result, onPages);
    }

    private static void Walk(
        PdfDocument pdf, IToken? kids, int inheritedPage, Dictionary<long, int> pages, Func<int, Dictionary<int, string>> markedText, List<StructureElement> result)
    {
        foreach (var kid in Items(pdf, kids))
        {
            if (kid is not DictionaryToken element || !element.Data.TryGetValue("S", out var typeToken))
            {
                continue;
            }

            var page = PageOf(element, inheritedPage, pages);
            var text = new StringBuilder();
            var pagesSeen = new List<int>();
            CollectText(pdf, element.Data.GetValueOrDefault("K"), page, pages, markedText, text, pagesSeen);
            var id = element.Data.TryGetValue("ID", out var idToken) ? Str(Resolve(pdf, idToken)) : null;
            var headers = new List<string>();
            foreach (var attributes in Items(pdf, element.Data.GetValueOrDefault("A")))
            {
                if (attributes is DictionaryToken a && a.Data.TryGetValue("Headers", out var h))
                {
                    headers.AddRange(Items(pdf, h).Select(Str).OfType<string>());
                }
            }

            result.Add(new StructureElement(((NameToken)Resolve(pdf, typeToken)).Data, text.ToString(), id, headers, page > 0 ? page : pagesSeen.FirstOrDefault()));
            Walk(pdf, element.Data.GetValueOrDefault("K"), page, pages, markedText, result);
        }
    }

    private static void CollectText(
        PdfDocument pdf, IToken? kids, int page, Dictionary<long, int> pages, Func<int, Dictionary<int, string>> markedText, StringBuilder text, List<int> pagesSeen)
    {
        foreach (var kid in Items(pdf, kids))
        {
            switch (kid)
            {
                case NumericToken mcid when page > 0:
                    text.Append(markedText(page).GetValueOrDefault(mcid.Int, ""));
                    pagesSeen.Add(page);
                    break;
                case DictionaryToken d when d.Data.TryGetValue("MCID", out var m):
                    var mcrPage = PageOf(d, page, pages);
                    text.Append(markedText(mcrPage).GetValueOrDefault(((NumericToken)Resolve(pdf, m)).Int, ""));
                    pagesSeen.Add(mcrPage);
                    break;
                case DictionaryToken d when d.Data.ContainsKey("S"):
                    CollectText(pdf, d.Data.GetValueOrDefault("K"), PageOf(d, page, pages), pages, markedText, text, pagesSeen);
                    break;
            }
        }
    }

    private static int PageOf(DictionaryToken element, int inherited, Dictionary<long, int> pages) =>
        element.Data.TryGetValue("Pg", out var pg) && pg is IndirectReferenceToken r && pages.TryGetValue(r.Data.ObjectNumber, out var n) ? n : inherited;

    private static void NumberPages(PdfDocument pdf, IToken node, Dictionary<long, int> pages, ref int next)
    {
        var dictionary = (DictionaryToken)Resolve(pdf, node);
        if (dictionary.Data.TryGetValue("Kids", out var kids))
        {
            foreach (var kid in ((ArrayToken)Resolve(pdf, kids)).Data)
            {
                NumberPages(pdf, kid, pages, ref next);
            }
        }
        else if (node is IndirectReferenceToken reference)
        {
            pages[reference.Data.ObjectNumber] = ++next;
        }
    }

    private static IEnumerable<IToken> Items(PdfDocument pdf, IToken? token)
    {
        if (token is null)
        {
            yield break;
        }

        var resolved = Resolve(pdf, token);
        if (resolved is ArrayToken array)
        {
            foreach (var item in array.Data)
            {
                yield return Resolve(pdf, item);
            }
        }
        else
        {
            yield return resolved;
        }
    }

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    private static string? Str(IToken token) => token switch
    {
        StringToken s => s.Data,
        HexToken h => h.Data,
        NameToken n => n.Data,
        _ => null,
    };

    private static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> elements) =>
        elements.SelectMany(e => new[] { e }.Concat(Flatten(e.Children)));
}
