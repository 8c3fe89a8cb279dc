using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

/// <summary>The line breaking classes of UAX #14 that matter for the booklet's text (Japanese with Latin and numbers).</summary>
internal enum LineClass : byte
{
    /// <summary>Everything letter-like: Latin, Greek, symbols, and the ambiguous ○※→ (ICU resolves AI to AL).</summary>
    AL,

    /// <summary>Ideographs, kana, full-width letters and digits: a break is allowed on either side.</summary>
    ID,
    NU,
    Space,

    /// <summary>U+200B: a break opportunity of no width.</summary>
    ZW,

    /// <summary>Combining marks and variation selectors: they go with the character before them.</summary>
    CM,

    /// <summary>The second UTF-16 unit of a surrogate pair.</summary>
    Trail,

    /// <summary>Narrow opening punctuation ( [ {.</summary>
    OP,

    /// <summary>East Asian (wide) opening punctuation 「（【…: unlike OP, a break before it is allowed after a letter.</summary>
    OPW,
    CL,
    CP,
    QU,
    GL,
    WJ,

    /// <summary>Non-starters: ・：；ゝゞ々〜 (not the small kana and ー: see Japanese).</summary>
    NS,
    EX,
    SY,
    IS,
    PR,
    PO,
    IN,
    HY,
    BA,
    BB,
    B2,
}

/// <summary>
/// Unicode 15 line breaking classes (LineBreak.txt) for the scripts the booklet uses, and the pair rules of UAX #14
/// (LB7–LB31) that decide whether a line may break between two of them, as ICU's default rules apply them.
/// </summary>
internal static class LineBreakClasses
{
    // ASCII 0x20–0x7E, one letter a class: see Ascii below.
    private static readonly LineClass[] AsciiClasses = BuildAscii();

    public static bool IsInvisible(int cp) => FontFace.IsZeroWidth(cp) || cp == '\t';

    /// <summary>East Asian Width wide, full-width or half-width (kana, ideographs, full-width forms), for LB19a.</summary>
    public static bool IsEastAsian(int cp) =>
        cp is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE6F) or (>= 0xFF01 and <= 0xFFEE) or (>= 0x20000 and <= 0x3FFFD);

    public static LineClass Of(int cp)
    {
        if (cp < 0x80)
        {
            return cp is >= 0x20 and < 0x7F ? AsciiClasses[cp - 0x20] : cp == '\t' ? LineClass.BA : LineClass.CM;
        }

        if (cp < 0x2000)
        {
            return Latin(cp);
        }

        if (cp < 0x2E80)
        {
            return Punctuation(cp);
        }

        if (cp < 0x3400)
        {
            return Japanese(cp);
        }

        if (cp is >= 0xFE00 and <= 0xFE0F)
        {
            return LineClass.CM;
        }

        if (cp is >= 0xFE10 and <= 0xFFEF)
        {
            return FullWidth(cp);
        }

        if (cp is >= 0xE0100 and <= 0xE01EF)
        {
            return LineClass.CM;
        }

        // CJK ideographs, Yi, Hangul, compatibility ideographs, the supplementary ideographic planes and the emoji.
        return cp is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x1F000 and <= 0x1FAFF) or (>= 0x20000 and <= 0x3FFFD)
            ? LineClass.ID
            : LineClass.AL;
    }

    private static LineClass[] BuildAscii()
    {
        // ' '!"#$%&'()*+,-./0-9:;<=>?@A-Z[\]^_`a-z{|}~
        var classes = new LineClass[0x5F];
        for (var c = 0x20; c < 0x7F; c++)
        {
            classes[c - 0x20] = c switch
            {
                ' ' => LineClass.Space,
                '!' or '?' => LineClass.EX,
                '"' or '\'' => LineClass.QU,
                '$' or '+' or '\\' => LineClass.PR,
                '%' => LineClass.PO,
                '(' or '[' or '{' => LineClass.OP,
                ')' or ']' => LineClass.CP,
                '}' => LineClass.CL,
                ',' or '.' or ':' or ';' => LineClass.IS,
                '-' => LineClass.HY,
                '/' => LineClass.SY,
                >= '0' and <= '9' => LineClass.NU,
                '|' => LineClass.BA,
                _ => LineClass.AL,
            };
        }

        return classes;
    }

    private static LineClass Latin(int cp) => cp switch
    {
        0xA0 => LineClass.GL,
        0xA1 or 0xBF => LineClass.OP,
        0xA2 or 0xB0 => LineClass.PO,
        0xA3 or 0xA4 or 0xA5 or 0xB1 => LineClass.PR,
        0xAB or 0xBB => LineClass.QU,
        0xAD => LineClass.BA,
        0xB4 => LineClass.BB,
        >= 0x300 and <= 0x36F => LineClass.CM,
        < 0xA0 => LineClass.CM,
        _ => LineClass.AL,
    };

    private static LineClass Punctuation(int cp) => cp switch
    {
        (>= 0x2000 and <= 0x2006) or (>= 0x2008 and <= 0x200A) or 0x2010 or 0x2012 or 0x2013 or 0x2027 => LineClass.BA,
        0x2007 or 0x2011 or 0x202F => LineClass.GL,
        0x200B => LineClass.ZW,
        0x200C or 0x200D => LineClass.CM,
        0x2014 => LineClass.B2,
        0x2018 or 0x2019 or 0x201B or 0x201C or 0x201D or 0x201F or 0x2039 or 0x203A => LineClass.QU,
        0x201A or 0x201E or 0x2045 or 0x207D or 0x208D or 0x2329 => LineClass.OP,
        0x2046 or 0x207E or 0x208E or 0x232A => LineClass.CL,
        >= 0x2024 and <= 0x2026 => LineClass.IN,
        >= 0x2030 and <= 0x2037 => LineClass.PO,
        0x203C or 0x203D or (>= 0x2047 and <= 0x2049) => LineClass.NS,
        0x2044 => LineClass.IS,
        0x2060 => LineClass.WJ,
        0x2103 or 0x2109 or 0x2030 => LineClass.PO,
        0x2116 or 0x2212 or 0x2213 => LineClass.PR,
        >= 0x20A0 and <= 0x20CF => cp is 0x20A7 or 0x20B6 or 0x20BB or 0x20BE or 0x20C0 ? LineClass.PO : LineClass.PR,
        >= 0x20D0 and <= 0x20FF => LineClass.CM,
        _ => LineClass.AL,
    };

    private static LineClass Japanese(int cp) => cp switch
    {
        0x3000 => LineClass.BA,
        0x3001 or 0x3002 or 0x3009 or 0x300B or 0x300D or 0x300F or 0x3011 or 0x3015 or 0x3017 or 0x3019 or 0x301B or 0x301E or 0x301F
            => LineClass.CL,
        0x3008 or 0x300A or 0x300C or 0x300E or 0x3010 or 0x3014 or 0x3016 or 0x3018 or 0x301A or 0x301D => LineClass.OPW,
        0x3005 or 0x301C or 0x303B or 0x303C or (>= 0x309B and <= 0x309E) or 0x30A0 or 0x30FB or 0x30FD or 0x30FE => LineClass.NS,

        // Small kana and the prolonged sound mark (CJ) may start a line: Chromium's line-break: auto for Japanese is
        // the "normal" rules (measured: ッ, ョ, ー start lines of the R6 booklet), so they fall through to ID.
        (>= 0x302A and <= 0x302F) or 0x3099 or 0x309A => LineClass.CM,
        >= 0x2E80 => LineClass.ID,
        _ => LineClass.AL,
    };

    private static LineClass FullWidth(int cp) => cp switch
    {
        0xFF01 or 0xFF1F => LineClass.EX,
        0xFF04 or 0xFFE1 or 0xFFE5 or 0xFFE6 => LineClass.PR,
        0xFF05 or 0xFFE0 => LineClass.PO,
        0xFF08 or 0xFF3B or 0xFF5B or 0xFF5F or 0xFF62 => LineClass.OPW,
        0xFF09 or 0xFF0C or 0xFF0E or 0xFF3D or 0xFF5D or 0xFF60 or 0xFF61 or 0xFF63 or 0xFF64 => LineClass.CL,
        0xFF1A or 0xFF1B or 0xFF65 or 0xFF9E or 0xFF9F => LineClass.NS,
        >= 0xFFA0 and <= 0xFFDC => LineClass.AL,
        (>= 0xFE10 and <= 0xFE6F) => LineClass.ID,
        (>= 0xFE70 and <= 0xFEFE) => LineClass.AL,
        0xFEFF => LineClass.WJ,
        >= 0xFF00 => LineClass.ID,
        _ => LineClass.AL,
    };

    /// <summary>May a line break between <paramref name="before"/> and <paramref name="after"/>, with nothing between?</summary>
    public static bool Allowed(LineClass before, LineClass after)
    {
        if (after is LineClass.CL or LineClass.CP or LineClass.EX or LineClass.IS or LineClass.SY // LB13
            or LineClass.WJ or LineClass.GL // LB11, LB12a
            or LineClass.BA or LineClass.HY or LineClass.NS // LB21
            or LineClass.IN // LB22
            or LineClass.QU) // LB19
        {
            return false;
        }

        return before switch
        {
            LineClass.OP or LineClass.OPW or LineClass.WJ or LineClass.GL or LineClass.BB or LineClass.QU => false, // LB14, LB11, LB12, LB21, LB19
            LineClass.B2 => after != LineClass.B2, // LB17
            LineClass.AL => after is not (LineClass.AL or LineClass.NU or LineClass.PR or LineClass.PO or LineClass.OP), // LB28, LB23, LB24, LB30
            LineClass.NU => after is not (LineClass.AL or LineClass.NU or LineClass.PO or LineClass.PR or LineClass.OP), // LB23, LB25, LB30
            LineClass.ID => after != LineClass.PO, // LB23a
            // LB23a, LB24, LB25 (a break between % and a bracket or between a bracket and ￥ is allowed: LB25 keeps
            // them together only inside a number, measured: 5%|(仮称), (株)|￥1,000).
            LineClass.PR => after is not (LineClass.ID or LineClass.AL or LineClass.NU),
            LineClass.PO => after is not (LineClass.AL or LineClass.NU),
            LineClass.CL => true,
            LineClass.CP => after is not (LineClass.AL or LineClass.NU), // LB30
            // LB25, LB29; and none after '/' before a letter: Chromium keeps a URL whole ("https://www…").
            LineClass.HY or LineClass.IS or LineClass.SY => !(after == LineClass.NU || (before is LineClass.IS or LineClass.SY && after == LineClass.AL)),
            _ => true, // LB31
        };
    }
}
