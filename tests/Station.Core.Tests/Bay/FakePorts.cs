using System;
using System.Collections.Generic;
using Station.Hal;

namespace Station.Core.Tests.Bay
{
    /// <summary>Simulated clock for tests: time moves only when Advance is called.</summary>
    public sealed class TestClock : IClock
    {
        public long NowMs { get; private set; } = 1000;
        public DateTime UtcNow => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(NowMs);
        public void Advance(int ms) => NowMs += ms;
    }

    /// <summary>Input whose level the test (or the bay) sets.</summary>
    public sealed class TestInput : IDigitalInput
    {
        public Func<bool> Source;
        public bool Level;
        public bool? Forced;
        public bool Read() => Forced ?? (Source != null ? Source() : Level);
    }

    public sealed class TestOutput : IDigitalOutput
    {
        public bool State { get; private set; }
        public void Write(bool on) => State = on;
    }

    public sealed class TestPwm : IPwmOutput
    {
        public double Duty { get; private set; }
        public int FrequencyHz => 20000;
        public void SetDuty(double duty) => Duty = duty < 0 ? 0 : duty > 1 ? 1 : duty;
    }

    public sealed class TestEncoder : IPositionInput
    {
        public int Counts;
        public int ReadCounts() => Counts;
    }

    public sealed class TestLog : ILog
    {
        public readonly List<string> Lines = new List<string>();
        public void Write(LogLevel level, string message) => Lines.Add(level + ": " + message);
    }

    /// <summary>In-memory storage that survives a simulated power loss; can tear the next append or refuse writes.
    /// Files grow in preallocated 64 KB steps so that the core's own allocations can be measured.</summary>
    public sealed class TestStorage : IStorage
    {
        private sealed class FileBuf { public byte[] Data = new byte[65536]; public int Length; }
        private readonly Dictionary<string, FileBuf> _files = new Dictionary<string, FileBuf>();
        /// <summary>When &gt;= 0, the next append writes only this many bytes (a torn write), then resets.</summary>
        public int TearNextAppendAt = -1;
        public bool FailWrites;
        /// <summary>When &gt;= 0, the next append writes only this many bytes and reports failure (as FlashStorage does
        /// when the write throws part-way), then resets.</summary>
        public int FailNextAppendAfter = -1;
        public int Appends;
        public int Replaces;
        /// <summary>When &gt; 0: the replace with this number (counting <see cref="Replaces"/>) keeps only
        /// <see cref="TearReplaceKeep"/> bytes (a non-atomic replace cut by a power failure); from then on the storage is
        /// dead (<see cref="PoweredOff"/>) and every write is lost, as on a board without supply.</summary>
        public int TearReplaceNumber;
        public int TearReplaceKeep;
        /// <summary>Bytes the torn replace was asked to write.</summary>
        public int TornReplaceCount;
        public bool PoweredOff;

        public int Length(string name) => _files.TryGetValue(name, out var b) ? b.Length : -1;

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            if (!_files.TryGetValue(name, out var b) || position >= b.Length) return 0;
            int n = Math.Min(count, b.Length - position);
            Array.Copy(b.Data, position, buffer, offset, n);
            return n;
        }

        public bool Append(string name, byte[] buffer, int offset, int count)
        {
            if (FailWrites || PoweredOff) return false;
            Appends++;
            bool fail = FailNextAppendAfter >= 0;
            if (fail)
            {
                count = Math.Min(count, FailNextAppendAfter);
                FailNextAppendAfter = -1;
            }
            if (TearNextAppendAt >= 0)
            {
                count = Math.Min(count, TearNextAppendAt);
                TearNextAppendAt = -1;
            }
            if (!_files.TryGetValue(name, out var f)) _files[name] = f = new FileBuf();
            if (f.Length + count > f.Data.Length) Array.Resize(ref f.Data, Math.Max(f.Data.Length * 2, f.Length + count));
            Array.Copy(buffer, offset, f.Data, f.Length, count);
            f.Length += count;
            return !fail;
        }

        public bool Replace(string name, byte[] buffer, int offset, int count)
        {
            if (FailWrites || PoweredOff) return false;
            Replaces++;
            if (Replaces == TearReplaceNumber)
            {
                TornReplaceCount = count;
                count = Math.Min(count, TearReplaceKeep);
                PoweredOff = true;
            }
            if (!_files.TryGetValue(name, out var f)) _files[name] = f = new FileBuf();
            if (count > f.Data.Length) f.Data = new byte[count];
            Array.Copy(buffer, offset, f.Data, 0, count);
            f.Length = count;
            return true;
        }

        public void Delete(string name) { if (!PoweredOff) _files.Remove(name); }

        public byte[] Bytes(string name)
        {
            if (!_files.TryGetValue(name, out var f)) return null;
            var b = new byte[f.Length];
            Array.Copy(f.Data, b, f.Length);
            return b;
        }

        public void Set(string name, byte[] bytes)
        {
            var f = new FileBuf();
            if (bytes.Length > f.Data.Length) f.Data = new byte[bytes.Length];
            Array.Copy(bytes, f.Data, bytes.Length);
            f.Length = bytes.Length;
            _files[name] = f;
        }
    }
}
