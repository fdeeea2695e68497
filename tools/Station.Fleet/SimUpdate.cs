using System;
using Station.Core;
using Station.Core.Update;
using Station.Hal;

namespace Station.Fleet
{
    /// <summary>A fleet station's update side: the real portable <see cref="UpdateAgent"/> over the station's storage,
    /// stepped after every control tick (on the board: its low-priority worker), the real restart check, probation
    /// from the controller's and the link's own state, and a simulated loader: a restart runs
    /// <see cref="BootSelector.Choose"/> on the stored boot record and "loads" the chosen slot by reading its manifest.
    /// An image whose manifest lists <see cref="CrashingAssembly"/> stands for firmware that crashes at start: every
    /// boot of it resets at once, so the loader's boot count (not the driver) has to bring the station back.</summary>
    public sealed class SimUpdate
    {
        /// <summary>An assembly name that makes the simulated image crash at every start.</summary>
        public const string CrashingAssembly = "Station.Crash.pe";

        /// <summary>The board name the fleet's stations report.</summary>
        public const string Board = "sim-fleet";

        readonly IStorage _storage;
        readonly byte[] _releaseKey;
        readonly StationController _controller;
        readonly Func<bool> _cloudOnline;
        readonly Func<bool> _swapInHand;
        readonly StationRestartCheck _check;
        readonly long _probationMs, _cloudDeadlineMs;
        ProbationMonitor _probation;

        /// <summary>The running agent (a new one after every simulated restart).</summary>
        public UpdateAgent Agent { get; private set; }

        /// <summary>Called with the new agent after a restart (the cloud link is pointed at it).</summary>
        public Action<UpdateAgent> Restarted;

        /// <summary>Restarts the station took (every boot, crashed ones included).</summary>
        public int Boots { get; private set; }

        /// <summary>Restarts taken while a swap was in hand (a restart that would have interrupted work).</summary>
        public int SwapsInterrupted { get; private set; }

        /// <summary>The slot the simulated loader last booted (<see cref="BootRecord.Factory"/> at first).</summary>
        public int BootedSlot { get; private set; } = BootRecord.Factory;

        /// <summary>An update side for <paramref name="controller"/>; <paramref name="outboxDurable"/> and
        /// <paramref name="cloudOnline"/> come from the cloud link, <paramref name="swapInHand"/> from the plant (checked at
        /// each restart, independently of the agent's own restart check).</summary>
        public SimUpdate(IStorage storage, byte[] releaseKey, StationController controller, Func<bool> cloudOnline, Func<bool> swapInHand,
            long probationMs, long cloudDeadlineMs)
        {
            _storage = storage;
            _releaseKey = releaseKey;
            _controller = controller;
            _cloudOnline = cloudOnline;
            _swapInHand = swapInHand;
            _probationMs = probationMs;
            _cloudDeadlineMs = cloudDeadlineMs;
            _check = new StationRestartCheck(controller);
            StartAgent();
        }

        /// <summary>After a control tick: one background slice, probation, and a restart when the agent asks for one.</summary>
        public void Step(long nowMs, bool outboxDurable)
        {
            _check.OutboxDurable = outboxDurable;
            Agent.Step(16);
            if (_probation != null && Agent.State == UpdateState.Installed)
            {
                UpdateState verdict = _probation.Observe(nowMs, true, _controller.LatchedFault != FaultCode.None, _cloudOnline());
                if (verdict == UpdateState.ProbationPassed) Agent.ConfirmProbation();
                else if (verdict == UpdateState.RolledBack) Agent.FailProbation(_probation.Reason);
            }
            if (Agent.RestartRequested) Restart();
        }

        void Restart()
        {
            if (_swapInHand()) SwapsInterrupted++;
            // The loader: choose and count the boot, save the record, then load; a crashing image resets at once.
            while (true)
            {
                Boots++;
                var record = new BootRecord();
                record.Load(_storage);
                BootedSlot = BootSelector.Choose(record, false);
                record.Save(_storage);
                if (BootedSlot < 0 || !Crashes(BootedSlot)) break;
            }
            StartAgent();
            Restarted?.Invoke(Agent);
        }

        void StartAgent()
        {
            Agent = new UpdateAgent(_storage, _releaseKey, Board, _check);
            Agent.Start();
            _probation = Agent.State == UpdateState.Installed ? new ProbationMonitor(_probationMs, _cloudDeadlineMs) : null;
        }

        /// <summary>True when the slot's stored manifest lists the crashing assembly (or the slot cannot be read).</summary>
        bool Crashes(int slot)
        {
            string file = BootRecord.SlotFile(slot);
            var header = new byte[BundleLayout.HeaderLength];
            if (_storage.Read(file, 0, header, 0, header.Length) != header.Length) return true;
            int n = BundleLayout.ManifestLength(header);
            if (n < 0) return true;
            var text = new byte[n];
            var manifest = new BundleManifest();
            if (_storage.Read(file, header.Length, text, 0, n) != n || ManifestParser.Parse(text, 0, n, manifest) != UpdateReason.None) return true;
            for (int i = 0; i < manifest.AssemblyCount; i++) if (manifest.AssemblyNames[i] == CrashingAssembly) return true;
            return false;
        }
    }
}
