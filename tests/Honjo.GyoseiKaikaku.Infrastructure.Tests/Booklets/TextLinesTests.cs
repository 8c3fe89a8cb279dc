using Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Booklets;

/// <summary>
/// Line breaking of the native booklet PDF (ADR 0036), rule by rule: each example is laid out at 9 pt (the sheet's
/// size), where a Japanese character is 9 pt wide, so a box of n × 9 pt holds n of them.
/// </summary>
public sealed class TextLinesTests
{
    private const double Size = 9;

    private static IReadOnlyList<string> Break(string text, double ems, bool preserveBreaks = false) =>
        TextLines.Break(text, NotoFonts.Regular, Size, ems * Size, preserveBreaks);

    [Fact]
    public void Empty_text_has_no_lines()
    {
        Assert.Empty(Break(string.Empty, 10));
        Assert.Empty(Break("   ", 10));

        // A zero-width space is not white space: like the browser, it makes an (empty) line.
        Assert.Equal([""], Break("\u200B", 10));
    }

    [Fact]
    public void Japanese_breaks_between_any_two_characters_when_the_line_is_full()
    {
        Assert.Equal(["行政改革の", "実施計画シ", "ート"], Break("行政改革の実施計画シート", 5));
        Assert.Equal(["行政改革の実施計画シート"], Break("行政改革の実施計画シート", 12));
    }

    [Theory]
    [InlineData("あいうえお。かき", "あいうえ|お。かき")] // 。 never starts a line
    [InlineData("あいうえお、かき", "あいうえ|お、かき")]
    [InlineData("あいうえ）かき", "あいう|え）かき")]
    [InlineData("あいうえ」かき", "あいう|え」かき")]
    [InlineData("あいうえ・かき", "あいう|え・かき")]
    [InlineData("あいうえ：かき", "あいう|え：かき")]
    [InlineData("あいうえ！かき", "あいう|え！かき")]
    [InlineData("あいうえ？かき", "あいう|え？かき")]
    [InlineData("あいうえ々かき", "あいう|え々かき")]
    [InlineData("あいうえゝかき", "あいう|えゝかき")]
    [InlineData("あいう「かき」", "あいう|「かき」")] // 「 never ends a line
    [InlineData("あいう（かき）", "あいう|（かき）")]
    [InlineData("あいう【かき】", "あいう|【かき】")]
    public void Kinsoku_keeps_closing_marks_off_the_start_and_opening_marks_off_the_end(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Break(text, 4));
    }

    [Theory]
    [InlineData("あいうえっかき", "あいうえ|っかき")]
    [InlineData("あいうえャかき", "あいうえ|ャかき")]
    [InlineData("データベース", "データベ|ース")]
    public void Small_kana_and_the_prolonged_sound_mark_may_start_a_line_as_chromium_breaks_japanese(string text, string expected)
    {
        // line-break: auto in Chromium is ICU's "normal" rules for Japanese, not "strict": measured in the R6 booklet
        // (ほんじ|ょう, スキルア|ップ) and with ああああ|ーいい in a 4 em box.
        Assert.Equal(expected.Split('|'), Break(text, 4));
    }

    [Fact]
    public void A_latin_word_or_a_number_is_kept_whole_and_moves_to_the_next_line()
    {
        var face = NotoFonts.Regular;
        var sdgs = face.Width("SDGs", Size);
        Assert.Equal(["あい", "SDGsの"], TextLines.Break("あいSDGsの", face, Size, 2 * Size + sdgs - 0.1));
        Assert.Equal(["あいSDGs", "の"], TextLines.Break("あいSDGsの", face, Size, 2 * Size + sdgs + 0.1));

        // 1,000 is one number (UAX #14 LB25); the 件 after it may start a line.
        var number = face.Width("1,000", Size);
        Assert.Equal(["目標", "1,000件"], TextLines.Break("目標1,000件", face, Size, 2 * Size + number - 0.1));
        Assert.Equal(["目標1,000", "件"], TextLines.Break("目標1,000件", face, Size, 2 * Size + number + 0.1));
        Assert.Equal(["R5年度比", "10%削減"], TextLines.Break("R5年度比10%削減", face, Size, face.Width("R5年度比10", Size)));
    }

    [Fact]
    public void A_space_is_a_break_opportunity_and_hangs_at_the_end_of_a_line()
    {
        var face = NotoFonts.Regular;
        var width = face.Width("Catalog", Size);
        Assert.Equal(["Catalog", "Pocket"], TextLines.Break("Catalog Pocket", face, Size, width + 0.01));

        // The space after "Catalog" is wider than what is left, yet "Catalog" stays on the line.
        Assert.Equal(["Catalog", "Pocket"], TextLines.Break("Catalog   Pocket", face, Size, width + 0.01));
        Assert.Equal(["Catalog Pocket"], TextLines.Break("Catalog Pocket", face, Size, face.Width("Catalog Pocket", Size) + 0.01));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_anywhere()
    {
        var face = NotoFonts.Regular;
        var url = "SupercalifragilisticexpialidociousSupercalifragilisticexpialidocious";
        var lines = TextLines.Break(url, face, Size, 20 * Size);
        Assert.True(lines.Count > 1);
        Assert.Equal(url, string.Concat(lines));
        Assert.All(lines, line => Assert.True(face.Width(line, Size) <= 20 * Size + 1e-6, line));

        // Each line but the last is full: the next character would not have fitted.
        for (var i = 0; i < lines.Count - 1; i++)
        {
            Assert.True(face.Width(lines[i] + lines[i + 1][0], Size) > 20 * Size, lines[i]);
        }

        // Words before it that fit stay on their own line; the long word starts on the next one.
        var text = "参照 " + url;
        Assert.Equal("参照", TextLines.Break(text, face, Size, 20 * Size)[0]);
    }

    [Fact]
    public void A_box_narrower_than_one_character_still_takes_one_character_a_line()
    {
        Assert.Equal(["本", "庄", "市"], Break("本庄市", 0.5));
    }

    [Fact]
    public void A_zero_width_space_is_a_break_opportunity_that_draws_nothing()
    {
        var face = NotoFonts.Regular;
        var first = face.Width("ABCDEFGH", Size);
        Assert.Equal(["ABCDEFGH", "IJKLMNOP"], TextLines.Break("ABCDEFGH\u200BIJKLMNOP", face, Size, first + 1));
        Assert.Equal(["本庄市"], Break("本庄市\u200B", 3));
        Assert.Equal(["本庄市"], Break("本\u200B庄\u200B市\u200B", 3));
    }

    [Fact]
    public void Line_breaks_are_kept_with_preserve_breaks_and_collapse_to_a_space_otherwise()
    {
        Assert.Equal(["第1段落", "", "第2段落", "  字下げ"], Break("第1段落\n\n第2段落\r\n  字下げ", 20, preserveBreaks: true));
        Assert.Equal(["第1段落 第2段落"], Break("第1段落\n\n第2段落", 20));
        Assert.Equal(["第1段落 第2段落"], Break("  第1段落 \r\n 第2段落  ", 20));

        // A break at the very end opens no new line; each paragraph wraps on its own.
        Assert.Equal(["あいう"], Break("あいう\n", 20, preserveBreaks: true));
        Assert.Equal(["あいう", "え", "お"], Break("あいうえ\nお", 3, preserveBreaks: true));
    }

    [Fact]
    public void Adjacent_full_width_punctuation_is_set_half_width()
    {
        // 」。 takes 1.5 em (Chromium's text-spacing-trim): seven characters of which one is half-width fit 6.5 em.
        Assert.Equal(["「あいう」。"], Break("「あいう」。", 6.5));
        Assert.Equal(["（あ）、（い）"], Break("（あ）、（い）", 6));
        Assert.Equal(["（あ）、（い）"], Break("（あ）、（い）", 5.6)); // the last ） at half width
        Assert.Equal(["（あ）、", "（い）"], Break("（あ）、（い）", 5.4));

        // An opening mark that starts a line keeps its full width: 「いいい after 、 on the line before is 4 em.
        Assert.Equal(["ああ、", "「いいい"], Break("ああ、「いいい", 4));
    }

    [Fact]
    public void A_closing_bracket_may_end_a_line_at_half_width_but_a_full_stop_may_not()
    {
        // Measured in Chromium: in 4.5 em + 1/64 px ああああ」 stays on one line, ああああ。 does not.
        var face = NotoFonts.Regular;
        var width = (4.5 * Size) + (Size / 12 / 64);
        Assert.Equal(["ああああ」", "いい"], TextLines.Break("ああああ」いい", face, Size, width));
        Assert.Equal(["ああああ）", "いい"], TextLines.Break("ああああ）いい", face, Size, width));
        Assert.Equal(["あああ", "あ。いい"], TextLines.Break("ああああ。いい", face, Size, width));
        Assert.Equal(["あああ", "あ」いい"], TextLines.Break("ああああ」いい", face, Size, 4.5 * Size));
    }

    [Fact]
    public void Shifts_give_the_kerning_and_trimmed_punctuation_so_drawing_matches_measuring()
    {
        var face = NotoFonts.Regular;

        // 」「: the opening mark loses its left half, before it; 。」: the full stop its right half, after it.
        Assert.Equal([(3, -0.5)], TextLines.Shifts("「あ」「い」", face));
        Assert.Equal([(2, -0.5)], TextLines.Shifts("あ。」", face));
        Assert.Empty(TextLines.Shifts("行政改革", face));

        // Latin pairs are kerned (AV, To): the shift is the font's kerning, negative.
        var shifts = TextLines.Shifts("AVTo", face);
        Assert.Contains(shifts, s => s.Index == 1 && s.Em < 0);
        Assert.Contains(shifts, s => s.Index == 3 && s.Em < 0);
        Assert.All(shifts, s => Assert.Equal(face.Kern("AVTo"[s.Index - 1], "AVTo"[s.Index]), s.Em, 9));

        // Each line Break gives fits its box once the shifts are applied.
        foreach (var line in Break("○“新しい生活様式”に対応し、「全課」（各課合計約1時間）の回答をもとに集計。", 9.139))
        {
            var width = face.Width(line, Size) + (TextLines.Shifts(line, face).Sum(s => s.Em) * Size);
            Assert.True(width <= 9.139 * Size + 1e-6 || line.EndsWith('）') || line.EndsWith('」'), $"{line}: {width}");
        }
    }

    [Fact]
    public void Advances_are_measured_in_sixty_fourths_of_a_pixel_as_chromium_takes_them_from_freetype()
    {
        // At 8.55 pt (11.4 px) Chromium sets a full-width character 11.390625 px wide (measured: ten of them 113.906 px),
        // so forty fit a box 0.375 px narrower than 40 em; 1/64 px less than that and the last one goes to a new line.
        var face = NotoFonts.Regular;
        var forty = new string('あ', 40);
        var width = 40 * 11.390625 * 0.75;
        Assert.Single(TextLines.Break(forty, face, 8.55, width));
        Assert.Equal(2, TextLines.Break(forty, face, 8.55, width - (0.75 / 64)).Count);
    }

    [Fact]
    public void Chromium_breaks_after_spaces_even_before_a_mark_that_may_not_start_a_line()
    {
        Assert.Equal(["の取", "？、"], Break("の取 ？、", 2.9));
    }

    [Fact]
    public void Quotation_marks_stay_with_their_text_and_break_only_between_japanese_after_a_closing_one()
    {
        // Never after “ nor before ”; after ” between two Japanese characters a line may break (様式”|に).
        Assert.Equal(["ことか", "“新しい"], Break("ことか“新しい", 4));
        Assert.Equal(["○“新しい生活様式”", "に対応し"], Break("○“新しい生活様式”に対応し", 9.1));

        // The ASCII " is neither: no break on either side of it (measured: YouTubeが。"テス|ト"ぁ).
        Assert.Equal(["つどい\"テス", "ト\"ぁ"], Break("つどい\"テスト\"ぁ", 5.5));
        Assert.Equal(["つど", "い\"テス", "ト\"ぁ"], Break("つどい\"テスト\"ぁ", 3.5));
    }

    [Fact]
    public void A_percent_sign_or_a_bracket_may_be_followed_by_a_break_outside_a_number()
    {
        Assert.Equal(["います。10%", "（注）"], Break("います。10%（注）", 7.5));
        Assert.Equal(["広告主を募集(株)", "￥1,000"], TextLines.Break("広告主を募集(株)￥1,000", NotoFonts.Regular, Size, NotoFonts.Regular.Width("広告主を募集(株)￥1,", Size)));
    }

    [Fact]
    public void A_closing_mark_before_a_middle_dot_is_half_width_also_at_the_end_of_a_line()
    {
        // （注）・: the ） is set half-width before ・, so （注） (2.5 em) fits 2.9 em; ・ may not start a line, and the
        // word is cut anywhere before it.
        Assert.Equal(["（注）", "・に"], Break("（注）・に", 2.9));
    }

    [Fact]
    public void Half_width_katakana_and_full_width_plus_break_like_japanese_and_control_characters_do_not_break_anything()
    {
        Assert.Equal(["ｶﾀｶﾅｶﾀ", "ｶﾅ"], Break("ｶﾀｶﾅｶﾀｶﾅ", 3));
        Assert.Equal(["スタイル＋", "の"], Break("スタイル＋の", 5));
        Assert.Equal(["A\u007FB"], Break("A\u007FB", 5));
    }
}
