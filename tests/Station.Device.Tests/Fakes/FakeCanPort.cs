using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>A CAN port between the station and a <see cref="FakeBms"/>: frames the station sends go to the BMS at
    /// once; the BMS's answers wait in a ring of primitives until the station reads them (no allocation per frame).</summary>
    public sealed class FakeCanPort : ICanPort
    {
        private const int Capacity = 256;
        private readonly uint[] _ids = new uint[Capacity];
        private readonly byte[] _lengths = new byte[Capacity];
        private readonly ulong[] _data = new ulong[Capacity];
        private int _head, _count;

        /// <summary>Where the station's frames go (null: nowhere).</summary>
        public FakeBms Bms;
        /// <summary>Frames the station sent.</summary>
        public int SentCount;
        /// <summary>Frames the station read.</summary>
        public int ReadCount;
        /// <summary>Frames lost because the ring was full.</summary>
        public int Overflows;
        /// <summary>Identifier of the last frame the station sent.</summary>
        public uint LastSentId;
        /// <summary>Payload of the last frame the station sent.</summary>
        public ulong LastSentData;

        /// <summary>Frames waiting for the station.</summary>
        public int Pending { get { return _count; } }

        /// <summary>Queues an extended frame for the station.</summary>
        public void Deliver(uint id, int length, ulong data)
        {
            if (_count == Capacity)
            {
                Overflows++;
                return;
            }
            int at = (_head + _count) % Capacity;
            _ids[at] = id;
            _lengths[at] = (byte)length;
            _data[at] = data;
            _count++;
        }

        /// <inheritdoc />
        public bool TryRead(ref CanFrame frame)
        {
            if (_count == 0) return false;
            frame.Id = _ids[_head];
            frame.Extended = true;
            frame.Length = _lengths[_head];
            frame.Data = _data[_head];
            _head = (_head + 1) % Capacity;
            _count--;
            ReadCount++;
            return true;
        }

        /// <inheritdoc />
        public bool TrySend(ref CanFrame frame)
        {
            SentCount++;
            LastSentId = frame.Id;
            LastSentData = frame.Data;
            if (Bms != null) Bms.OnStationFrame(frame.Id, frame.Length, frame.Data);
            return true;
        }
    }
}
