using System.IO;
using System.Text;

namespace Station.CanTool;

/// <summary>Reads lines of at most <see cref="MaxLength"/> bytes from any stream; a longer line (a binary file, a
/// hostile input) is skipped up to its newline and reported, so memory stays bounded whatever the file holds.</summary>
public sealed class BoundedLineReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly byte[] _line;
    private int _pos, _end;

    public BoundedLineReader(Stream stream, int maxLength = 1024)
    {
        _stream = stream;
        MaxLength = maxLength;
        _line = new byte[maxLength];
    }

    /// <summary>Longest line kept.</summary>
    public int MaxLength { get; }

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Next line without its newline, or null at end of stream. <paramref name="tooLong"/> is true when the
    /// line was longer than <see cref="MaxLength"/> (the text returned is then empty).</summary>
    public string? Next(out bool tooLong)
    {
        tooLong = false;
        int n = 0;
        bool any = false;
        while (true)
        {
            if (_pos == _end)
            {
                _end = _stream.Read(_buffer, 0, _buffer.Length);
                _pos = 0;
                if (_end > 0) BytesRead += _end;
                if (_end <= 0)
                {
                    _end = 0;
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            byte b = _buffer[_pos++];
            if (b == (byte)'\n') break;
            if (n < _line.Length) _line[n++] = b;
            else tooLong = true;
        }
        LineNumber++;
        if (tooLong) return string.Empty;
        if (n > 0 && _line[n - 1] == (byte)'\r') n--;
        return Encoding.Latin1.GetString(_line, 0, n);
    }
}
