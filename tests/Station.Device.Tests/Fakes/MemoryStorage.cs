using System;
using System.Collections;
using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>IStorage in RAM; survives a simulated power cut because the test keeps it. Each file is a buffer that
    /// doubles when full, so appending and replacing in steady state allocate nothing (as flash does not): the device
    /// probe counts the core's allocations, not this fake's.</summary>
    public sealed class MemoryStorage : IStorage
    {
        private readonly Hashtable _files = new Hashtable();
        private readonly ArrayList _all = new ArrayList();

        /// <summary>Appends and replaces that failed on purpose (see <see cref="Fail"/>).</summary>
        public int Refused;

        /// <summary>True: every write fails (a worn or missing medium).</summary>
        public bool Fail;

        /// <summary>Bytes of RAM the files take (buffers included): what a real medium would hold instead of the heap.</summary>
        public int Bytes
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _all.Count; i++) n += ((StoredFile)_all[i]).Data.Length + 48;
                return n;
            }
        }

        /// <inheritdoc />
        public int Length(string name)
        {
            StoredFile f = (StoredFile)_files[name];
            return f == null ? -1 : f.Length;
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            StoredFile f = (StoredFile)_files[name];
            if (f == null || position >= f.Length) return 0;
            int n = f.Length - position < count ? f.Length - position : count;
            Array.Copy(f.Data, position, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public bool Append(string name, byte[] buffer, int offset, int count)
        {
            if (Fail) { Refused++; return false; }
            StoredFile f = Open(name, 0);
            f.Reserve(f.Length + count);
            Array.Copy(buffer, offset, f.Data, f.Length, count);
            f.Length += count;
            return true;
        }

        /// <inheritdoc />
        public bool Replace(string name, byte[] buffer, int offset, int count)
        {
            if (Fail) { Refused++; return false; }
            StoredFile f = Open(name, count);
            f.Reserve(count);
            Array.Copy(buffer, offset, f.Data, 0, count);
            f.Length = count;
            return true;
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            _files.Remove(name);
        }

        /// <summary>Cuts the named file to <paramref name="length"/> bytes (a write torn by a power cut).</summary>
        public void Truncate(string name, int length)
        {
            StoredFile f = (StoredFile)_files[name];
            if (f != null && length < f.Length) f.Length = length;
        }

        private StoredFile Open(string name, int size)
        {
            StoredFile f = (StoredFile)_files[name];
            if (f == null)
            {
                f = new StoredFile(size < 32768 ? 32768 : size); // room for a whole journal: no growth while measured
                _files[name] = f;
                _all.Add(f);
            }
            return f;
        }
    }
}
