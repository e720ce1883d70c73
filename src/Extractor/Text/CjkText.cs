using System.Text;

namespace Extractor.Text;

/// <summary>
/// Text clean-up every reader applies to a cell: radicals back to ideographs, and whitespace that is a
/// wrapping artifact removed (see CONTRACT.md, "Text rules").
/// </summary>
public static class CjkText
{
    /// <summary>
    /// CJK Radicals Supplement characters PDF fonts use for common simplified ideographs. Kangxi radicals
    /// (U+2F00–U+2FD5) need no table: their compatibility decomposition is the ideograph.
    /// </summary>
    private static readonly Dictionary<char, char> RadicalSupplement = new()
    {
        ['\u2E84'] = '乙', ['\u2E86'] = '冂', ['\u2E87'] = '几', ['\u2E88'] = '刀', ['\u2E8A'] = '卜',
        ['\u2E8C'] = '小', ['\u2E8D'] = '小', ['\u2E8E'] = '兀', ['\u2E8F'] = '尢', ['\u2E90'] = '尢',
        ['\u2E92'] = '巳', ['\u2E93'] = '幺', ['\u2E94'] = '彐', ['\u2E95'] = '彐', ['\u2E96'] = '心',
        ['\u2E97'] = '心', ['\u2E98'] = '手', ['\u2E99'] = '攴', ['\u2E9B'] = '无', ['\u2E9D'] = '月',
        ['\u2E9E'] = '歹', ['\u2E9F'] = '母', ['\u2EA0'] = '民', ['\u2EA1'] = '水', ['\u2EA2'] = '水',
        ['\u2EA3'] = '火', ['\u2EA4'] = '爪', ['\u2EA5'] = '爪', ['\u2EA6'] = '丬', ['\u2EA7'] = '牛',
        ['\u2EA8'] = '犬', ['\u2EA9'] = '王', ['\u2EAA'] = '疋', ['\u2EAB'] = '目', ['\u2EAC'] = '示',
        ['\u2EAD'] = '礻', ['\u2EAE'] = '竹', ['\u2EAF'] = '纟', ['\u2EB0'] = '纟', ['\u2EB1'] = '网',
        ['\u2EB2'] = '网', ['\u2EB3'] = '网', ['\u2EB4'] = '网', ['\u2EB5'] = '网', ['\u2EB6'] = '羊',
        ['\u2EB7'] = '羊', ['\u2EB9'] = '老', ['\u2EBA'] = '肀', ['\u2EBB'] = '聿', ['\u2EBC'] = '月',
        ['\u2EBD'] = '臼', ['\u2EBE'] = '艹', ['\u2EBF'] = '艹', ['\u2EC0'] = '艹', ['\u2EC1'] = '虎',
        ['\u2EC2'] = '衤', ['\u2EC3'] = '西', ['\u2EC4'] = '西', ['\u2EC5'] = '见', ['\u2EC6'] = '角',
        ['\u2EC7'] = '角', ['\u2EC8'] = '讠', ['\u2EC9'] = '贝', ['\u2ECA'] = '足', ['\u2ECB'] = '车',
        ['\u2ECC'] = '辶', ['\u2ECD'] = '辶', ['\u2ECE'] = '辶', ['\u2ECF'] = '阝', ['\u2ED0'] = '钅',
        ['\u2ED1'] = '长', ['\u2ED2'] = '长', ['\u2ED3'] = '长', ['\u2ED4'] = '门', ['\u2ED5'] = '阜',
        ['\u2ED6'] = '阝', ['\u2ED7'] = '雨', ['\u2ED8'] = '青', ['\u2ED9'] = '韦', ['\u2EDA'] = '页',
        ['\u2EDB'] = '风', ['\u2EDC'] = '飞', ['\u2EDD'] = '食', ['\u2EDE'] = '食', ['\u2EDF'] = '食',
        ['\u2EE0'] = '饣', ['\u2EE1'] = '首', ['\u2EE2'] = '马', ['\u2EE3'] = '骨', ['\u2EE4'] = '鬼',
        ['\u2EE5'] = '鱼', ['\u2EE6'] = '鸟', ['\u2EE7'] = '卤', ['\u2EE8'] = '麦', ['\u2EE9'] = '黄',
        ['\u2EEA'] = '黾', ['\u2EEB'] = '齐', ['\u2EEC'] = '齐', ['\u2EED'] = '齿', ['\u2EEE'] = '齿',
        ['\u2EEF'] = '龙', ['\u2EF0'] = '龙', ['\u2EF1'] = '龟', ['\u2EF2'] = '龟', ['\u2EF3'] = '龟',
    };

    /// <summary>
    /// Kangxi radicals whose compatibility decomposition is a traditional character while simplified fonts
    /// draw them as, and map to them, the simplified one: Noto Serif CJK SC printed by Chromium gives ⼾ (U+2F3E)
    /// for 户, whose decomposition is 戶.
    /// </summary>
    private static readonly Dictionary<char, char> SimplifiedRadicals = new() { ['\u2F3E'] = '户' };

    /// <summary>Maps Kangxi radicals and CJK Radicals Supplement characters to the ideographs they stand for.</summary>
    public static string ToIdeographs(string text)
    {
        if (!text.Any(IsRadical)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (SimplifiedRadicals.TryGetValue(ch, out var simplified))
                sb.Append(simplified);
            else if (ch is >= '\u2F00' and <= '\u2FDF')
                sb.Append(ch.ToString().Normalize(NormalizationForm.FormKC));
            else if (RadicalSupplement.TryGetValue(ch, out var ideograph))
                sb.Append(ideograph);
            else
                sb.Append(ch);
        }
        return sb.ToString();
    }

    private static bool IsRadical(char ch) => ch is >= '\u2E80' and <= '\u2FDF';

    /// <summary>A Han character: unified ideographs, extension A, compatibility ideographs.</summary>
    public static bool IsIdeograph(char ch) =>
        ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Characters between which a space or line break can only be a wrapping artifact.</summary>
    public static bool IsCjkLike(char ch) =>
        IsIdeograph(ch)
            || ch is >= '\u3000' and <= '\u303F'     // CJK symbols and punctuation
            or >= '\uFF00' and <= '\uFFEF'     // full-width forms
            or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '(' or ')';

    /// <summary>Full-width punctuation ("。", "，", "（"): it carries its own blank, so no space is printed beside it.</summary>
    public static bool IsFullWidthMark(char ch) =>
        ch is >= '\u3000' and <= '\u303F' or >= '\uFF01' and <= '\uFF0F' or >= '\uFF1A' and <= '\uFF20';

    /// <summary>
    /// Cleans one line of cell text: radicals to ideographs, whitespace between CJK-like characters or beside
    /// full-width punctuation removed,
    /// any other run of whitespace collapsed to one space, ends trimmed. Returns null for a blank result.
    /// </summary>
    public static string? CleanLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = ToIdeographs(text);
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsSpace(text[i])) { sb.Append(text[i++]); continue; }
            var end = i;
            while (end < text.Length && IsSpace(text[end])) end++;
            var before = sb.Length > 0 ? sb[^1] : (char?)null;
            var after = end < text.Length ? text[end] : (char?)null;
            if (before is { } b && after is { } a && !(IsCjkLike(b) && IsCjkLike(a)) && !IsFullWidthMark(b) && !IsFullWidthMark(a))
                sb.Append(' ');
            i = end;
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>
    /// Joins the lines of a wrapped cell: each cleaned as <see cref="CleanLine"/>, nothing between two
    /// CJK-like characters, a space otherwise. Null when every line is blank.
    /// </summary>
    public static string? JoinWrapped(IEnumerable<string?> lines)
    {
        string? value = null;
        foreach (var raw in lines) value = Continue(value, CleanLine(raw));
        return value;
    }

    /// <summary>Joins paragraphs (HTML &lt;p&gt;, explicit line breaks) with '\n', dropping blank ones.</summary>
    public static string? JoinParagraphs(IEnumerable<string?> paragraphs)
    {
        var kept = paragraphs.Select(CleanLine).OfType<string>().ToList();
        return kept.Count == 0 ? null : string.Join('\n', kept);
    }

    /// <summary>Appends text that continues a cell (a wrapped line, text after a page break): nothing between CJK-like characters, else a space.</summary>
    public static string? Continue(string? value, string? continuation)
    {
        if (continuation is null) return value;
        if (value is null) return continuation;
        return IsCjkLike(value[^1]) && IsCjkLike(continuation[0]) ? value + continuation : value + " " + continuation;
    }

    /// <summary>
    /// Appends the next printed line of a wrapped paragraph (PDF, OCR): a print wraps between any two CJK
    /// characters without a space, and between words only at a space, so nothing is put between the lines
    /// when either side is CJK-like, and one space otherwise.
    /// </summary>
    public static string ContinuePrinted(string value, string line) =>
        IsCjkLike(value[^1]) || IsCjkLike(line[0]) ? value + line : value + " " + line;

    private static bool IsSpace(char ch) => char.IsWhiteSpace(ch) || ch == '\u00A0';
}
