using System.Collections.Generic;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>One polling node's connection to a <see cref="VirtualCanBus"/>; implements the HAL's <see cref="ICanPort"/>.</summary>
    public sealed class VirtualCanPort : ICanPort
    {
        private readonly VirtualCanBus _bus;
        private readonly Queue<CanFrame> _rx = new Queue<CanFrame>();
        private readonly int _limit;

        internal VirtualCanPort(VirtualCanBus bus, string name, int limit)
        {
            _bus = bus;
            Name = name;
            _limit = limit;
        }

        /// <summary>Node name (the recorder's sender column).</summary>
        public string Name { get; }

        /// <summary>Frames lost because the receive queue was full.</summary>
        public long Overruns { get; private set; }

        /// <summary>When true the controller is bus-off: sends fail and nothing is received (frames sent meanwhile are lost).</summary>
        public bool BusOff { get; set; }

        /// <inheritdoc />
        public bool TryRead(ref CanFrame frame)
        {
            if (BusOff) { _rx.Clear(); return false; }
            if (_rx.Count == 0) _bus.StepNodes();
            if (_rx.Count == 0) return false;
            frame = _rx.Dequeue();
            return true;
        }

        /// <inheritdoc />
        public bool TrySend(ref CanFrame frame)
        {
            if (BusOff) return false;
            _bus.Deliver(frame, Name, this, null);
            return true;
        }

        internal void Enqueue(in CanFrame frame)
        {
            if (BusOff) return;
            if (_rx.Count >= _limit) { Overruns++; return; }
            _rx.Enqueue(frame);
        }
    }
}
