using System.Globalization;
using System.Text;

namespace Readout.Cli.Commands;

/// <summary>
/// Report text made safe for a terminal: a report can hold ESC and other control characters, and with
/// them send colour changes, OSC 52 (write the clipboard) or OSC 8 (hidden links) to the analyst's
/// terminal. Every C0 and C1 control except tab and newline, and the bidirectional overrides that can
/// make text read other than it is, are shown as visible symbols instead: ESC as ␛, U+0085 as &lt;U+0085&gt;.
/// </summary>
internal static class Terminal
{
    public static string Safe(string? s)
    {
        if (string.IsNullOrEmpty(s)) return s ?? "";
        var i = 0;
        while (i < s.Length && !Unsafe(s[i])) i++;
        if (i == s.Length) return s;
        var sb = new StringBuilder(s.Length + 16).Append(s, 0, i);
        for (; i < s.Length; i++) Append(sb, s[i]);
        return sb.ToString();
    }

    internal static bool Unsafe(char c) =>
        (c < ' ' && c != '\n' && c != '\t') || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || c is '\u200E' or '\u200F' or '\u061C';

    internal static void Append(StringBuilder sb, char c)
    {
        if (!Unsafe(c)) sb.Append(c);
        else if (c < ' ') sb.Append((char)('\u2400' + c));          // the Control Pictures block: ␛ for ESC
        else if (c == '\u007F') sb.Append('\u2421');
        else sb.Append("<U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('>');
    }
}

/// <summary>A writer that passes text through <see cref="Terminal.Safe"/> (for commands that print report text).</summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (!Terminal.Unsafe(value)) { inner.Write(value); return; }
        var sb = new StringBuilder();
        Terminal.Append(sb, value);
        inner.Write(sb.ToString());
    }

    public override void Write(string? value) => inner.Write(Terminal.Safe(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => inner.WriteLine(Terminal.Safe(value));

    public override void Flush() => inner.Flush();
}
