using System;
using System.IO;

namespace Station.Hal.Host
{
    /// <summary><see cref="IStorage"/> over a folder of files: appends are flushed to disk, replaces go through a
    /// temporary file and an atomic rename.</summary>
    public sealed class FileStorage : IStorage
    {
        readonly string _dir;

        /// <summary>Storage in <paramref name="directory"/> (created when missing).</summary>
        public FileStorage(string directory)
        {
            _dir = directory;
            Directory.CreateDirectory(directory);
        }

        string PathOf(string name)
        {
            if (name.IndexOfAny(new[] { '/', '\\' }) >= 0 || name.StartsWith(".")) throw new ArgumentException("bad storage name: " + name);
            return Path.Combine(_dir, name);
        }

        /// <inheritdoc />
        public int Length(string name)
        {
            var fi = new FileInfo(PathOf(name));
            return fi.Exists ? (int)fi.Length : -1;
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            string p = PathOf(name);
            if (!File.Exists(p)) return 0;
            using var fs = new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (position >= fs.Length) return 0;
            fs.Position = position;
            int total = 0;
            while (total < count)
            {
                int n = fs.Read(buffer, offset + total, count - total);
                if (n <= 0) break;
                total += n;
            }
            return total;
        }

        /// <inheritdoc />
        public bool Append(string name, byte[] buffer, int offset, int count)
        {
            try
            {
                using var fs = new FileStream(PathOf(name), FileMode.Append, FileAccess.Write, FileShare.Read);
                fs.Write(buffer, offset, count);
                fs.Flush(true);
                return true;
            }
            catch (IOException) { return false; }
        }

        /// <inheritdoc />
        public bool Replace(string name, byte[] buffer, int offset, int count)
        {
            string p = PathOf(name), tmp = p + ".tmp";
            try
            {
                using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write))
                {
                    fs.Write(buffer, offset, count);
                    fs.Flush(true);
                }
                File.Move(tmp, p, true);
                return true;
            }
            catch (IOException) { return false; }
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            string p = PathOf(name);
            if (File.Exists(p)) File.Delete(p);
        }
    }
}
