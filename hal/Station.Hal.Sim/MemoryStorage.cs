using System;
using System.Collections.Generic;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>Persistent storage held in memory. It "survives" a simulated power loss simply because the simulator
    /// keeps the same object and hands it to the next controller; <see cref="TearLastAppend"/> models a power cut in
    /// the middle of the last write (the only write a cut can damage, since <see cref="Replace"/> is atomic).</summary>
    public sealed class MemoryStorage : IStorage
    {
        private readonly Dictionary<string, List<byte>> _files = new Dictionary<string, List<byte>>(StringComparer.Ordinal);
        private string _lastAppendName;
        private int _lastAppendStart = -1;
        private int _lastAppendCount;
        private readonly IClock _clock;

        /// <summary>Storage without a clock: <see cref="LastAppendMs"/> stays -1.</summary>
        public MemoryStorage() { }

        /// <summary>Storage that notes the simulated time of each append, so a power loss can tell whether a write was
        /// in progress at that moment.</summary>
        public MemoryStorage(IClock clock) { _clock = clock; }

        /// <summary>Simulated time of the last append (-1 without a clock or before the first).</summary>
        public long LastAppendMs { get; private set; } = -1;

        /// <summary>Number of successful Append calls so far (all files).</summary>
        public int AppendCount { get; private set; }

        /// <summary>Number of successful Replace calls so far (all files).</summary>
        public int ReplaceCount { get; private set; }

        /// <summary>When set, every write fails (returns false) as a full or broken medium would.</summary>
        public bool FailWrites { get; set; }

        /// <summary>When set, appends fail (a worn block at the file's end); replaces still work.</summary>
        public bool FailAppends { get; set; }

        /// <summary>When set, replaces fail (no room for the new copy); appends still work.</summary>
        public bool FailReplaces { get; set; }

        /// <summary>When set, the next Replace is not atomic and power fails half-way through it: the file keeps only
        /// the first half of the new bytes (a file system that truncates, then writes). The flag clears itself and
        /// <see cref="ReplaceTornAtMs"/> says when it happened, so the simulator can cut the power in that tick.</summary>
        public bool TearNextReplace { get; set; }

        /// <summary>Simulated time of the torn replace (-1: none yet).</summary>
        public long ReplaceTornAtMs { get; private set; } = -1;

        /// <summary>Name of the file the torn replace hit, or null.</summary>
        public string ReplaceTornName { get; private set; }

        /// <summary>Names of the files that exist.</summary>
        public IReadOnlyCollection<string> Names => _files.Keys;

        /// <inheritdoc />
        public int Length(string name)
        {
            if (name == null) return -1;
            return _files.TryGetValue(name, out var f) ? f.Count : -1;
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            if (name == null || buffer == null || position < 0 || offset < 0 || count < 0 || offset + count > buffer.Length) return 0;
            if (!_files.TryGetValue(name, out var f) || position >= f.Count) return 0;
            int n = Math.Min(count, f.Count - position);
            f.CopyTo(position, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public bool Append(string name, byte[] buffer, int offset, int count)
        {
            if (FailWrites || FailAppends || name == null || buffer == null || offset < 0 || count < 0 || offset + count > buffer.Length) return false;
            if (!_files.TryGetValue(name, out var f)) { f = new List<byte>(); _files[name] = f; }
            _lastAppendName = name;
            _lastAppendStart = f.Count;
            _lastAppendCount = count;
            if (_clock != null) LastAppendMs = _clock.NowMs;
            for (int i = 0; i < count; i++) f.Add(buffer[offset + i]);
            AppendCount++;
            return true;
        }

        /// <inheritdoc />
        public bool Replace(string name, byte[] buffer, int offset, int count)
        {
            if (FailWrites || FailReplaces || name == null || buffer == null || offset < 0 || count < 0 || offset + count > buffer.Length) return false;
            int keep = count;
            if (TearNextReplace)
            {
                TearNextReplace = false;
                keep = count / 2;
                ReplaceTornAtMs = _clock?.NowMs ?? 0;
                ReplaceTornName = name;
            }
            var f = new List<byte>(keep);
            for (int i = 0; i < keep; i++) f.Add(buffer[offset + i]);
            _files[name] = f;
            if (name == _lastAppendName) _lastAppendStart = -1;
            ReplaceCount++;
            return true;
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            if (name == null) return;
            _files.Remove(name);
            if (name == _lastAppendName) _lastAppendStart = -1;
        }

        /// <summary>Cuts the most recent append short, keeping <paramref name="keepBytes"/> of it (default: half),
        /// as a power cut during that write would. Returns false when there is no append left to tear.</summary>
        public bool TearLastAppend(int keepBytes = -1)
        {
            if (_lastAppendStart < 0 || !_files.TryGetValue(_lastAppendName, out var f)) return false;
            if (keepBytes < 0) keepBytes = _lastAppendCount / 2;
            if (keepBytes >= _lastAppendCount) return false;
            int cut = _lastAppendStart + keepBytes;
            if (cut > f.Count) return false;
            f.RemoveRange(cut, f.Count - cut);
            _lastAppendStart = -1;
            return true;
        }

        /// <summary>A copy of the named file's bytes (empty when missing), for tests and tools.</summary>
        public byte[] Snapshot(string name) => _files.TryGetValue(name, out var f) ? f.ToArray() : Array.Empty<byte>();
    }
}
