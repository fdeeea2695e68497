namespace Station.Hal
{
    /// <summary>One classic CAN frame. A value type with the payload packed into a ulong, so frames move through
    /// queues and decoders without allocation.</summary>
    public struct CanFrame
    {
        /// <summary>Identifier: 29 bits when <see cref="Extended"/>, otherwise 11 bits.</summary>
        public uint Id;

        /// <summary>True for a 29-bit (extended) identifier, as every GB/T 27930 and J1939 frame has.</summary>
        public bool Extended;

        /// <summary>Data length code, 0..8.</summary>
        public byte Length;

        /// <summary>Payload, byte 0 in the least significant 8 bits.</summary>
        public ulong Data;

        /// <summary>Payload byte <paramref name="index"/> (0-based, 0..7).</summary>
        public byte this[int index]
        {
            get { return (byte)(Data >> (index * 8)); }
            set
            {
                int shift = index * 8;
                Data = (Data & ~(0xFFUL << shift)) | ((ulong)value << shift);
            }
        }
    }
}
