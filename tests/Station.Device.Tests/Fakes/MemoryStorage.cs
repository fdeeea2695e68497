using System;
using System.Collections;
using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>IStorage in RAM (a Hashtable of byte arrays); survives a simulated power cut because the test keeps it.</summary>
    public sealed class MemoryStorage : IStorage
    {
        private readonly Hashtable _files = new Hashtable();

        /// <inheritdoc />
        public int Length(string name)
        {
            byte[] b = (byte[])_files[name];
            return b == null ? -1 : b.Length;
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            byte[] b = (byte[])_files[name];
            if (b == null || position >= b.Length) return 0;
            int n = b.Length - position < count ? b.Length - position : count;
            Array.Copy(b, position, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public bool Append(string name, byte[] buffer, int offset, int count)
        {
            byte[] old = (byte[])_files[name];
            int oldLength = old == null ? 0 : old.Length;
            byte[] n = new byte[oldLength + count];
            if (old != null) Array.Copy(old, 0, n, 0, oldLength);
            Array.Copy(buffer, offset, n, oldLength, count);
            _files[name] = n;
            return true;
        }

        /// <inheritdoc />
        public bool Replace(string name, byte[] buffer, int offset, int count)
        {
            byte[] n = new byte[count];
            Array.Copy(buffer, offset, n, 0, count);
            _files[name] = n;
            return true;
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            _files.Remove(name);
        }
    }
}
