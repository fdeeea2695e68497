using System.Collections.Generic;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A CAN bus in memory: every frame one node sends reaches every other node. Ports (<see cref="VirtualCanPort"/>)
    /// queue frames for code that polls (the station); simulated nodes (<see cref="ISimCanNode"/>) get them at once and
    /// are stepped to the clock's time whenever a port is read, so the station's own tick drives the simulated BMS.</summary>
    public sealed class VirtualCanBus
    {
        private readonly IClock _clock;
        private readonly List<VirtualCanPort> _ports = new List<VirtualCanPort>();
        private readonly List<(ISimCanNode Node, string Name)> _nodes = new List<(ISimCanNode, string)>();
        private bool _stepping;

        /// <summary>A bus on simulated time.</summary>
        public VirtualCanBus(IClock clock) { _clock = clock; }

        /// <summary>Called for every frame sent on the bus (candump recording).</summary>
        public event CanFrameObserver FrameSent;

        /// <summary>Frames sent so far.</summary>
        public long FramesSent { get; private set; }

        /// <summary>The clock of the bus.</summary>
        public IClock Clock => _clock;

        /// <summary>A port for polling code, queueing at most <paramref name="queueLimit"/> frames (like a controller's FIFO).</summary>
        public VirtualCanPort Connect(string name, int queueLimit = 256)
        {
            var p = new VirtualCanPort(this, name, queueLimit);
            _ports.Add(p);
            return p;
        }

        /// <summary>Adds a simulated node.</summary>
        public void Attach(ISimCanNode node, string name) => _nodes.Add((node, name));

        /// <summary>Removes a simulated node.</summary>
        public void Detach(ISimCanNode node) => _nodes.RemoveAll(n => ReferenceEquals(n.Node, node));

        /// <summary>Steps every simulated node to the clock's time.</summary>
        public void StepNodes()
        {
            if (_stepping) return;
            _stepping = true;
            try
            {
                long now = _clock.NowMs;
                for (int i = 0; i < _nodes.Count; i++) _nodes[i].Node.Step(now);
            }
            finally { _stepping = false; }
        }

        /// <summary>Sends <paramref name="frame"/> from a simulated node.</summary>
        public void Send(ISimCanNode from, in CanFrame frame)
        {
            string name = "node";
            foreach (var n in _nodes) if (ReferenceEquals(n.Node, from)) name = n.Name;
            Deliver(frame, name, null, from);
        }

        internal void Deliver(in CanFrame frame, string sender, VirtualCanPort fromPort, ISimCanNode fromNode)
        {
            long now = _clock.NowMs;
            FramesSent++;
            FrameSent?.Invoke(now, frame, sender);
            foreach (var p in _ports) if (!ReferenceEquals(p, fromPort)) p.Enqueue(frame);
            for (int i = 0; i < _nodes.Count; i++)
                if (!ReferenceEquals(_nodes[i].Node, fromNode)) _nodes[i].Node.OnFrame(frame, now);
        }
    }
}
