namespace Readout.Ingest;

/// <summary>One line of a stream, as bytes without its '\n'; a line over the limit is only counted, not kept.</summary>
public readonly record struct ByteLine(ReadOnlyMemory<byte> Bytes, bool TooLong);

/// <summary>
/// Splits a stream into lines of bytes, holding at most one line (up to <c>maxLineBytes</c>) in memory,
/// so a JSON Lines file of any size streams and a runaway line costs no more than the limit. Lines are
/// decoded by the caller, one at a time, so a bad byte spoils only its own line.
/// </summary>
public sealed class ByteLines(Stream stream, long maxLineBytes)
{
    private readonly byte[] _chunk = new byte[65536];
    private int _pos, _len;
    private bool _eof;
    private readonly MemoryStream _line = new();

    /// <summary>The 1-based number of the line last returned.</summary>
    public int Number { get; private set; }

    public ByteLine? Next()
    {
        _line.SetLength(0);
        var tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (_pos == _len)
            {
                if (_eof) break;
                _len = stream.Read(_chunk, 0, _chunk.Length);
                _pos = 0;
                if (_len == 0) { _eof = true; break; }
            }
            sawAny = true;
            var span = _chunk.AsSpan(_pos, _len - _pos);
            var nl = span.IndexOf((byte)'\n');
            var piece = nl < 0 ? span : span[..nl];
            if (!tooLong)
            {
                if (_line.Length + piece.Length > maxLineBytes) { tooLong = true; _line.SetLength(0); }
                else _line.Write(piece);
            }
            _pos += piece.Length;
            if (nl >= 0)
            {
                _pos++;
                Number++;
                return new ByteLine(tooLong ? default : _line.ToArray(), tooLong);
            }
        }
        if (!sawAny) return null;
        Number++;
        return new ByteLine(tooLong ? default : _line.ToArray(), tooLong);
    }
}
