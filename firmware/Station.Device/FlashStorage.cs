using System;
using System.IO;
using Station.Hal;

namespace Station.Device
{
    /// <summary>IStorage on the device's file system: internal flash <c>I:\</c> on ESP32, the SD card <c>D:\</c> on the
    /// STM32F769I-DISCOVERY. Every file sits in one folder; names come from the core (journal, configuration).</summary>
    /// <remarks>
    /// Durability is this adapter's job (see IStorage): an append is flushed before it returns, and a replace writes
    /// <c>name.tmp</c>, flushes it, deletes the old file and renames the new one in (the target is created empty first
    /// if it never existed). A power cut while the temporary file is written leaves the old file; one between delete
    /// and rename leaves only the complete <c>name.tmp</c>, and every access finishes that rename first. So a reader
    /// sees the old or the new content, never a mix. Errors come back as false / -1 / 0 and are logged, never thrown at the core.
    /// </remarks>
    public sealed class FlashStorage : IStorage
    {
        private const string TempSuffix = ".tmp";
        private readonly string _folder;
        private readonly ILog _log;

        /// <summary>Uses <paramref name="folder"/> (created when missing), e.g. <c>I:\station</c>.</summary>
        public FlashStorage(string folder, ILog log)
        {
            _folder = folder;
            _log = log;
            try
            {
                if (!Directory.Exists(folder)) Directory.CreateDirectory(folder);
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, "storage: cannot create " + folder + ": " + e.Message);
            }
        }

        /// <inheritdoc />
        public int Length(string name)
        {
            try
            {
                string path = Finish(name);
                if (!File.Exists(path)) return -1;
                using (var file = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    return (int)file.Length;
                }
            }
            catch (Exception e)
            {
                Fail("length", name, e);
                return -1;
            }
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            try
            {
                string path = Finish(name);
                if (!File.Exists(path)) return 0;
                using (var file = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    if (position >= file.Length) return 0;
                    file.Seek(position, SeekOrigin.Begin);
                    int total = 0;
                    while (total < count)
                    {
                        int n = file.Read(buffer, offset + total, count - total);
                        if (n <= 0) break;
                        total += n;
                    }
                    return total;
                }
            }
            catch (Exception e)
            {
                Fail("read", name, e);
                return 0;
            }
        }

        /// <inheritdoc />
        public bool Append(string name, byte[] buffer, int offset, int count)
        {
            try
            {
                string path = Finish(name);
                using (var file = new FileStream(path, FileMode.Append, FileAccess.Write))
                {
                    file.Write(buffer, offset, count);
                    file.Flush();
                }
                return true;
            }
            catch (Exception e)
            {
                Fail("append", name, e);
                return false;
            }
        }

        /// <inheritdoc />
        public bool Replace(string name, byte[] buffer, int offset, int count)
        {
            string path = PathOf(name);
            string temp = path + TempSuffix;
            try
            {
                // The target exists before the temporary file is written, so "target missing, temporary present"
                // can only mean a complete temporary file whose rename was cut off (see Finish).
                if (!File.Exists(path)) File.Create(path).Close();
                if (File.Exists(temp)) File.Delete(temp);
                using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    file.Write(buffer, offset, count);
                    file.Flush();
                }
                // nanoFramework's File.Move does not overwrite: remove the old file, then rename. Finish() completes
                // this rename after a power cut in between.
                if (File.Exists(path)) File.Delete(path);
                File.Move(temp, path);
                return true;
            }
            catch (Exception e)
            {
                Fail("replace", name, e);
                return false;
            }
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            try
            {
                string path = PathOf(name);
                if (File.Exists(path)) File.Delete(path);
                if (File.Exists(path + TempSuffix)) File.Delete(path + TempSuffix);
            }
            catch (Exception e)
            {
                Fail("delete", name, e);
            }
        }

        private string PathOf(string name)
        {
            return Path.Combine(_folder, name);
        }

        /// <summary>The file's path, after completing a replace that a power cut interrupted between delete and rename.</summary>
        private string Finish(string name)
        {
            string path = PathOf(name);
            string temp = path + TempSuffix;
            if (!File.Exists(path) && File.Exists(temp))
            {
                File.Move(temp, path);
                _log.Write(LogLevel.Warning, "storage: completed an interrupted replace of " + name);
            }
            return path;
        }

        private void Fail(string what, string name, Exception e)
        {
            _log.Write(LogLevel.Error, "storage: " + what + " " + name + " failed: " + e.Message);
        }
    }
}
