namespace Station.Device.Tests.Fakes
{
    /// <summary>One file of <see cref="MemoryStorage"/>: a buffer with room to grow and the length in use.</summary>
    public sealed class StoredFile
    {
        /// <summary>The bytes (only the first <see cref="Length"/> are the file).</summary>
        public byte[] Data;
        /// <summary>Bytes in use.</summary>
        public int Length;

        /// <summary>An empty file with room for <paramref name="capacity"/> bytes.</summary>
        public StoredFile(int capacity)
        {
            Data = new byte[capacity];
        }

        /// <summary>Makes room for <paramref name="size"/> bytes, doubling the buffer when it is too small.</summary>
        public void Reserve(int size)
        {
            if (size <= Data.Length) return;
            int capacity = Data.Length * 2;
            while (capacity < size) capacity *= 2;
            byte[] bigger = new byte[capacity];
            System.Array.Copy(Data, 0, bigger, 0, Length);
            Data = bigger;
        }
    }
}
