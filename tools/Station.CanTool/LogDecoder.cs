using System.Collections.Generic;
using System.IO;
using System.Text;
using Station.Core.Can;
using Station.Hal;

namespace Station.CanTool;

/// <summary>Runs a candump log through the core's <see cref="PackDecoder"/> (passive monitor) and writes one JSON line
/// per decoded message, per dropped transport session and per rejected frame or line, in log order, then a counts line.</summary>
public sealed class LogDecoder
{
    private readonly PackDecoder _decoder;
    private readonly TextWriter _out;
    private readonly StringBuilder _sb = new(512);
    private readonly Dictionary<string, long> _byMessage = new();
    private string? _time = "null";

    public LogDecoder(TextWriter output, IEnumerable<int>? extraBms = null)
    {
        _out = output;
        _decoder = new PackDecoder(GbT27930Profile.Instance, null, 16, new TpTimings());
        if (extraBms != null) foreach (int a in extraBms) _decoder.AddBms(a);
        _decoder.MessageDecoded = OnMessage;
        _decoder.Dropped = OnDropped;
    }

    public PackDecoder Decoder => _decoder;
    public long Lines { get; private set; }
    public long BadLines { get; private set; }

    /// <summary>Frames read (data and remote).</summary>
    public long Frames { get; private set; }
    /// <summary>Remote frames read (counted, not decoded: GB/T 27930 uses none).</summary>
    public long RemoteFrames { get; private set; }
    /// <summary>When set, output is flushed after every input line (live input from a pipe).</summary>
    public bool Live { get; set; }
    /// <summary>Called after each line with the bytes read so far (progress of a big file).</summary>
    public System.Action<long>? Progress { get; set; }

    /// <summary>Decodes every line of <paramref name="stream"/>.</summary>
    public void Run(Stream stream)
    {
        var reader = new BoundedLineReader(stream);
        var format = new LogLine();
        var frame = new CanFrame();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long lastMs = 0;
        string? line;
        while ((line = reader.Next(out bool tooLong)) != null)
        {
            Lines++;
            Progress?.Invoke(reader.BytesRead);
            long us = 0;
            string? timeText = null, error = null;
            LogLineKind kind = tooLong ? LogLineKind.Bad : format.Parse(line, ref frame, out us, out timeText, out error);
            if (tooLong) error = "line longer than " + reader.MaxLength + " bytes";
            if (kind == LogLineKind.Skip) continue;
            if (kind == LogLineKind.Bad)
            {
                BadLines++;
                _time = "null";
                _sb.Clear();
                PackJson.AppendDrop(_sb, DropReason.BadLogLine, -1, -1, -1, null, "null", 0, error);
                _sb.Length--; // reopen the object to add the line number
                _sb.Append(",\"line\":").Append(reader.LineNumber).Append('}');
                _decoder.DropCounts[(int)DropReason.BadLogLine]++;
                _out.WriteLine(_sb.ToString());
                if (Live) _out.Flush();
                continue;
            }
            Frames++;
            if (kind == LogLineKind.Remote) { RemoteFrames++; continue; }
            // A line without a timestamp (candump's default) is timed by its arrival: live input keeps real time.
            if (timeText == null) us = clock.ElapsedTicks * 1000000 / System.Diagnostics.Stopwatch.Frequency;
            _time = timeText;
            lastMs = us / 1000;
            _decoder.Poll(lastMs);
            _decoder.Receive(ref frame, lastMs);
            if (Live) _out.Flush();
        }
        _decoder.Flush(lastMs);
        WriteCounts();
    }

    private void OnMessage(DecodedMessage m)
    {
        _sb.Clear();
        PackJson.AppendMessage(_sb, m, _time);
        _out.WriteLine(_sb.ToString());
        _byMessage[m.Message.Name] = _byMessage.GetValueOrDefault(m.Message.Name) + 1;
    }

    private void OnDropped(DropReason reason, int sender, int receiver, int pgn, long nowMs)
    {
        _sb.Clear();
        PackJson.AppendDrop(_sb, reason, sender, receiver, pgn, _decoder.Profile, _time, nowMs, null);
        _out.WriteLine(_sb.ToString());
    }

    private void WriteCounts()
    {
        _sb.Clear();
        _sb.Append("{\"counts\":{\"lines\":").Append(Lines)
           .Append(",\"frames\":").Append(_decoder.FramesSeen)
           .Append(",\"remote_frames\":").Append(RemoteFrames)
           .Append(",\"messages\":").Append(_decoder.MessagesDecoded)
           .Append(",\"ignored\":").Append(_decoder.FramesIgnored)
           .Append(",\"dropped\":").Append(_decoder.TotalDrops)
           .Append(",\"message_frames\":").Append(_decoder.FramesInMessages)
           .Append(",\"dropped_frames\":").Append(_decoder.FramesDropped)
           .Append(",\"by_message\":{");
        bool first = true;
        foreach (var kv in _byMessage)
        {
            if (!first) _sb.Append(',');
            first = false;
            _sb.Append('"').Append(kv.Key).Append("\":").Append(kv.Value);
        }
        _sb.Append("},\"by_reason\":{");
        first = true;
        for (int i = 1; i < DropReasons.Count; i++)
        {
            int n = _decoder.DropCounts[i];
            if (n == 0) continue;
            if (!first) _sb.Append(',');
            first = false;
            _sb.Append('"').Append(DropReasons.Name((DropReason)i)).Append("\":").Append(n);
        }
        _sb.Append("}}}");
        _out.WriteLine(_sb.ToString());
    }
}
