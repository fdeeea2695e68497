using System;
using Station.Core.Journal;

namespace Station.Tests.Shared
{
    /// <summary>An update chunk's payload as the cloud sends it: its offset in the bundle (u32 LE), the CRC-32 of its
    /// bytes (u32 LE), then the bytes.</summary>
    public static class UpdateChunks
    {
        /// <summary>The chunk of <paramref name="count"/> bytes of <paramref name="bundle"/> at <paramref name="at"/>, with
        /// its true CRC-32 unless <paramref name="crc"/> is given.</summary>
        public static byte[] Of(byte[] bundle, int at, int count, uint? crc = null)
        {
            var p = new byte[8 + count];
            BitConverter.GetBytes(at).CopyTo(p, 0);
            BitConverter.GetBytes(crc ?? Crc32.Compute(bundle, at, count)).CopyTo(p, 4);
            Array.Copy(bundle, at, p, 8, count);
            return p;
        }
    }
}
