using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// The merge keeps its per-part work across renders (ADR 0034): parsed parts, each font subset's glyphs, each face's
/// recent unions. After one sheet changed — here with characters the booklet did not have, so the face's union
/// cannot serve that part — the booklet still reads right: the new text on its page, copyable; every other page as
/// before; the structure tree, the parent tree and the marked-content ids right; and so again when downloaded again
/// (the union then joined) and when changed back.
/// </summary>
public sealed class BookletMergeReuseTests
{
    // Characters no R6 sheet has (checked against the baseline below).
    private const string Added = "鰻と鱧と鰈の一文";

    [Fact]
    public async Task A_sheet_changed_with_new_characters_reads_right_and_stays_tagged_and_the_rest_is_as_before()
    {
        using var app = AppFactory.Create(new() { Settings = new Dictionary<string, string?> { ["Pdf:BookletEngine"] = "Chromium" } });
        await using var scope = app.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<IBookletPdfRenderer>();
        var booklet = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        var number = PlanNumber.Parse("3-2");
        var changed = booklet with
        {
            Fields = booklet.Fields.Select(f => f with
            {
                Sheets = f.Sheets.Select(s => s.Number == number ? s with { Remarks = [.. s.Remarks, Added] } : s).ToList(),
            }).ToList(),
        };
        var page = changed.Sheets.Single(s => s.Number == number).Page;
        var baseline = BookletText.R6Baseline();
        Assert.All("鰻鱧鰈", c => Assert.DoesNotContain(c, string.Concat(baseline)));

        var full = await renderer.RenderAsync(booklet, default);
        var before = TaggedPdf.Read(full);
        Assert.Empty(BookletText.DifferingPages(baseline, BookletText.PerPage(full)));

        // The first render after the change leaves the changed part's subset a font of its own (no union had its
        // glyphs): more fonts than the full render's one a face, each still embedded with its ToUnicode map.
        var first = await renderer.RenderAsync(changed, default);
        Assert.True(FontCount(first) > FontCount(full), $"{FontCount(first)} fonts after the change, {FontCount(full)} before");

        // Changed, downloaded again (the face's union by then may have joined the new subset), changed back.
        foreach (var (pdf, isChanged) in new[]
        {
            (first, true),
            (await renderer.RenderAsync(changed, default), true),
            (await renderer.RenderAsync(booklet, default), false),
        })
        {
            var text = BookletText.PerPage(pdf);
            Assert.Equal(isChanged ? [page] : [], BookletText.DifferingPages(baseline, text));
            if (isChanged)
            {
                Assert.Contains(Added, text[page - 1], StringComparison.Ordinal);
            }

            // The structure elements read as before but for the changed sheet's: what differs is one run of elements,
            // all on the changed page (the one Document element holds every page's and is left out). An element's
            // page is where its first marked content is, which for a sheet is the page before when its background is
            // painted from there (ADR 0030), so the changed sheet's elements are on its page or the one before.
            var after = TaggedPdf.Read(pdf);
            var was = before.Elements.Where(e => e.Type != "Document").Select(e => (e.Type, Text: before.Comparable(e.Text), e.Page)).ToList();
            var now = after.Elements.Where(e => e.Type != "Document").Select(e => (e.Type, Text: after.Comparable(e.Text), e.Page)).ToList();
            var prefix = 0;
            while (prefix < Math.Min(was.Count, now.Count) && (was[prefix].Type, was[prefix].Text) == (now[prefix].Type, now[prefix].Text))
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < Math.Min(was.Count, now.Count) - prefix && (was[^(suffix + 1)].Type, was[^(suffix + 1)].Text) == (now[^(suffix + 1)].Type, now[^(suffix + 1)].Text))
            {
                suffix++;
            }

            Assert.All(now.Skip(prefix).Take(now.Count - prefix - suffix), e => Assert.InRange(e.Page, page - 1, page));
            Assert.All(was.Skip(prefix).Take(was.Count - prefix - suffix), e => Assert.InRange(e.Page, page - 1, page));
            Assert.True(prefix + suffix >= was.Count - 200, $"{was.Count - prefix - suffix} elements differ");
            Assert.Single(after.Elements, e => e.Type == "Document");
            Assert.Equal(isChanged, after.Elements.Any(e => e.Page >= page - 1 && e.Page <= page && e.Type != "Document" && after.Comparable(e.Text).Contains("鰻と鱧と鰈", StringComparison.Ordinal)));
            AssertParentTreeRight(pdf);
            AssertFontsEmbeddedNotType3(pdf);
            Assert.InRange(pdf.Length, 1, 1536 * 1024);
        }
    }

    /// <summary>Every page's /StructParents names a parent tree entry whose element for each MCID owns that MCID on that page.</summary>
    private static void AssertParentTreeRight(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var root = (DictionaryToken)Resolve(pdf, pdf.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"]);
        var nums = ((ArrayToken)Resolve(pdf, ((DictionaryToken)Resolve(pdf, root.Data["ParentTree"])).Data["Nums"])).Data;
        var entries = new Dictionary<int, IToken>();
        for (var i = 0; i + 1 < nums.Count; i += 2)
        {
            entries[((NumericToken)nums[i]).Int] = nums[i + 1];
        }

        var pagesWithEntries = 0;
        foreach (var page in pdf.GetPages())
        {
            if (!page.Dictionary.Data.TryGetValue("StructParents", out var key))
            {
                continue;
            }

            pagesWithEntries++;
            var array = ((ArrayToken)Resolve(pdf, entries[((NumericToken)key).Int])).Data;
            var mcids = Flatten(page.GetMarkedContents()).Where(m => m.MarkedContentIdentifier >= 0).Select(m => m.MarkedContentIdentifier).ToList();

            // A mark Chromium paints past the bottom of the page before (a sheet's background) has no element (ADR 0030).
            var owned = 0;
            foreach (var mcid in mcids)
            {
                if (Resolve(pdf, array[mcid]) is DictionaryToken element)
                {
                    Assert.Contains(mcid, Mcids(pdf, element.Data.GetValueOrDefault("K")));
                    owned++;
                }
            }

            Assert.True(owned > 0, $"No marked content of page {page.Number} has its element in the parent tree.");
        }

        Assert.Equal(pdf.NumberOfPages, pagesWithEntries);
    }

    private static IEnumerable<int> Mcids(PdfDocument pdf, IToken? kids)
    {
        var resolved = kids is null ? null : Resolve(pdf, kids);
        var items = resolved is ArrayToken array ? array.Data.Select(t => Resolve(pdf, t)) : resolved is null ? [] : [resolved];
        foreach (var item in items)
        {
            if (item is NumericToken n)
            {
                yield return n.Int;
            }
            else if (item is DictionaryToken d && d.Data.TryGetValue("MCID", out var m) && !d.Data.ContainsKey("S"))
            {
                yield return ((NumericToken)Resolve(pdf, m)).Int;
            }
        }
    }

    private static int FontCount(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return pdf.GetPages()
            .SelectMany(page => ((DictionaryToken)Resolve(pdf, ((DictionaryToken)Resolve(pdf, page.Dictionary.Data[NameToken.Resources.Data])).Data[NameToken.Font.Data])).Data.Values)
            .OfType<IndirectReferenceToken>()
            .Select(r => r.Data)
            .Distinct()
            .Count();
    }

    private static void AssertFontsEmbeddedNotType3(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        foreach (var page in pdf.GetPages())
        {
            var resources = (DictionaryToken)Resolve(pdf, page.Dictionary.Data[NameToken.Resources.Data]);
            foreach (var font in ((DictionaryToken)Resolve(pdf, resources.Data[NameToken.Font.Data])).Data.Values)
            {
                var type0 = (DictionaryToken)Resolve(pdf, font);
                Assert.Equal(NameToken.Type0, type0.Data[NameToken.Subtype.Data]);
                Assert.True(type0.Data.ContainsKey("ToUnicode"), "A font without ToUnicode: its text could not be copied.");
                var descendant = (DictionaryToken)Resolve(pdf, ((ArrayToken)Resolve(pdf, type0.Data["DescendantFonts"])).Data[0]);
                var descriptor = (DictionaryToken)Resolve(pdf, descendant.Data["FontDescriptor"]);
                Assert.True(descriptor.Data.ContainsKey("FontFile2"), "A font not embedded.");
            }
        }
    }

    private static IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> Flatten(IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> elements) =>
        elements.SelectMany(e => new[] { e }.Concat(Flatten(e.Children)));

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;
}
