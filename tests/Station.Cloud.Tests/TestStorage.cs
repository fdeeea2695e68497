using System.Collections.Generic;
using Station.Hal;

namespace Station.Cloud.Tests
{
    /// <summary>In-memory <see cref="IStorage"/> that survives a simulated reboot (same object) and can tear the last
    /// append as a power cut would.</summary>
    public sealed class TestStorage : IStorage
    {
        readonly Dictionary<string, List<byte>> _files = new Dictionary<string, List<byte>>();
        readonly object _gate = new object();
        /// <summary>Appends performed (a measure of writes to flash).</summary>
        public int Appends;
        /// <summary>Replaces performed.</summary>
        public int Replaces;
        /// <summary>When set, appends fail (a full or broken medium).</summary>
        public bool FailAppends;
        string _lastAppended;
        int _lastAppendLength;

        public int Length(string name) { lock (_gate) return _files.TryGetValue(name, out var f) ? f.Count : -1; }

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            lock (_gate)
            {
                if (!_files.TryGetValue(name, out var f) || position >= f.Count) return 0;
                int n = System.Math.Min(count, f.Count - position);
                f.CopyTo(position, buffer, offset, n);
                return n;
            }
        }

        public bool Append(string name, byte[] buffer, int offset, int count)
        {
            lock (_gate)
            {
                if (FailAppends) return false;
                if (!_files.TryGetValue(name, out var f)) _files[name] = f = new List<byte>();
                for (int i = 0; i < count; i++) f.Add(buffer[offset + i]);
                Appends++;
                _lastAppended = name;
                _lastAppendLength = count;
                return true;
            }
        }

        public bool Replace(string name, byte[] buffer, int offset, int count)
        {
            lock (_gate)
            {
                var f = new List<byte>(count);
                for (int i = 0; i < count; i++) f.Add(buffer[offset + i]);
                _files[name] = f;
                Replaces++;
                return true;
            }
        }

        public void Delete(string name) { lock (_gate) _files.Remove(name); }

        /// <summary>Cuts the last append down to <paramref name="keep"/> of its bytes (power lost mid-write).</summary>
        public void TearLastAppend(int keep)
        {
            lock (_gate)
            {
                var f = _files[_lastAppended];
                f.RemoveRange(f.Count - _lastAppendLength + keep, _lastAppendLength - keep);
            }
        }

        /// <summary>Names of the files present.</summary>
        public string[] Names { get { lock (_gate) return new List<string>(_files.Keys).ToArray(); } }
    }
}
