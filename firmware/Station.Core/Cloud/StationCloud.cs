using System;
using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>The station as the cloud sees it: wires a <see cref="StationController"/> to a <see cref="CloudLink"/>.
    /// Swap events and fault changes become journaled records; cloud commands become controller commands, with the
    /// controller's refusals mapped to reason codes; state and telemetry snapshots come from the controller.</summary>
    /// <remarks>
    /// Remote maintenance is this class's own flag, separate from the technician's console hold
    /// (<see cref="StationController.MaintenanceHold"/>): the cloud can never lift a hold a technician in the bay set.
    /// Authorisations from the console should go through <see cref="AuthorizeLocal"/> so the outbox limit and
    /// maintenance apply to them too, and the audit trail records who asked.
    /// </remarks>
    public sealed class StationCloud : ICloudStation, ICloudPayload
    {
        static readonly string[] EventTypes = { "swap.started", "swap.step", "swap.completed", "swap.held", "swap.aborted" };
        static readonly string[] OutcomeNames = { "in_progress", "completed", "cancelled", "aborted", "interrupted" };
        static readonly string[] ConfigKeys = { "station.id", "gate.minSocPct", "gate.bmsTimeoutMs", "rack.slots", "lift.travelMm" };

        StationController _controller;
        readonly IClock _clock;
        CloudLink _link;
        SwapRecord _eventRecord;
        bool _maintenance;
        int _swapsToday;
        int _dayOfYear = -1;
        int _lastFault;
        string _lastFaultName = "None";

        /// <summary>Wraps <paramref name="controller"/>; call <see cref="Attach"/> with the link.</summary>
        public StationCloud(StationController controller, IClock clock)
        {
            _controller = controller;
            _clock = clock;
        }

        /// <summary>Subscribes to the controller's events and journals them through <paramref name="link"/>.</summary>
        public void Attach(CloudLink link)
        {
            _link = link;
            // The outbox limit holds for every authorisation, console included, not only the cloud's.
            _controller.Admission = link;
            _controller.SwapEvent += OnSwapEvent;
            _controller.FaultChanged += OnFaultChanged;
        }

        /// <summary>Moves to a new controller (after a reboot the device builds a new one on the same storage).</summary>
        public void Bind(StationController controller)
        {
            if (_link != null)
            {
                _controller.SwapEvent -= OnSwapEvent;
                _controller.FaultChanged -= OnFaultChanged;
            }
            _controller = controller;
            if (_link != null)
            {
                _controller.Admission = _link;
                _controller.SwapEvent += OnSwapEvent;
                _controller.FaultChanged += OnFaultChanged;
            }
        }

        /// <summary>True while remote maintenance is on.</summary>
        public bool Maintenance { get { return _maintenance; } }
        /// <summary>Swaps completed since UTC midnight.</summary>
        public int SwapsToday { get { RollDay(); return _swapsToday; } }

        /// <summary>An authorisation from the console or a local operator: same limits as the cloud's (outbox,
        /// maintenance), audited with <paramref name="who"/>.</summary>
        public CloudResult AuthorizeLocal(SwapAuthorization auth, string who)
        {
            CloudResult r;
            if (_link != null && !_link.SwapsAllowed) r = CloudResult.Refuse(CloudReason.OutboxFull, _link.WhyNoSwaps());
            else if (_maintenance) r = CloudResult.Refuse(CloudReason.Refused, "station is in maintenance");
            else r = Map(_controller.Authorize(auth));
            if (_link != null)
                _link.RecordAudit("console", who, "swap.authorize vehicle=" + auth.VehicleId + (auth.PackSerial != null ? " pack=" + auth.PackSerial : ""), r.Accepted, r.Reason, r.Message);
            return r;
        }

        /// <summary>Journals one technician console command as an audit record; matches
        /// <c>Console.ConsoleAuditHandler</c>, so the wiring is <c>console.Audit += stationCloud.AuditConsole</c>.</summary>
        public void AuditConsole(long atMs, string command, bool accepted, string result)
        {
            if (_link == null) return;
            // Console output can be long (status pages); the audit keeps its first line, bounded.
            string detail = result;
            if (detail != null)
            {
                int nl = detail.IndexOf('\n');
                if (nl >= 0) detail = detail.Substring(0, nl);
                if (detail.Length > 160) detail = detail.Substring(0, 160);
            }
            _link.RecordAudit("console", "technician", command, accepted, accepted ? CloudReason.Accepted : CloudReason.Refused, detail);
        }

        /// <inheritdoc />
        public CloudResult Authorize(string vehicle, string pack, long validForMs)
        {
            if (_maintenance) return CloudResult.Refuse(CloudReason.Refused, "station is in maintenance");
            if (_controller.MaintenanceHold) return CloudResult.Refuse(CloudReason.Refused, "a technician holds the station in maintenance (console)");
            var auth = new SwapAuthorization(vehicle, pack);
            if (validForMs > 0) auth.ExpiresAtMs = _clock.NowMs + validForMs;
            return Map(_controller.Authorize(auth));
        }

        /// <inheritdoc />
        public CloudResult Cancel() { return Map(_controller.Cancel()); }

        /// <inheritdoc />
        public CloudResult ResetFault(int code)
        {
            FaultCode latched = _controller.LatchedFault;
            if (latched == FaultCode.None) return CloudResult.Refuse(CloudReason.NoSuchFault, "no fault is latched");
            if ((int)latched != code)
                return CloudResult.Refuse(CloudReason.NoSuchFault, "latched fault is " + ((int)latched).ToString() + " " + FaultCatalogue.Name(latched));
            if (!FaultCatalogue.RemotelyResettable(latched))
                return CloudResult.Refuse(CloudReason.NotRemotelyResettable, FaultCatalogue.Name(latched) + ": " + FaultCatalogue.Action(latched));
            return Map(_controller.ResetFault());
        }

        /// <inheritdoc />
        public CloudResult EnterMaintenance()
        {
            if (SwapStates.IsIn(_controller.State, SwapState.Swapping)) return CloudResult.Refuse(CloudReason.Busy, "a swap is under way");
            _maintenance = true;
            return CloudResult.Ok("maintenance on: no new swaps");
        }

        /// <inheritdoc />
        public CloudResult LeaveMaintenance()
        {
            _maintenance = false;
            return CloudResult.Ok(_controller.MaintenanceHold ? "remote maintenance off; the technician's console hold remains" : "maintenance off");
        }

        /// <inheritdoc />
        public CloudResult GetConfig(string key)
        {
            StationConfig c = _controller.Config;
            if (key == "station.id") return CloudResult.Ok(c.StationId);
            if (key == "gate.minSocPct") return CloudResult.Ok(c.MinSocPct.ToString());
            if (key == "gate.bmsTimeoutMs") return CloudResult.Ok(c.BmsTimeoutMs.ToString());
            if (key == "rack.slots") return CloudResult.Ok(c.RackSlots.ToString());
            if (key == "lift.travelMm") return CloudResult.Ok(((int)c.TravelMm).ToString());
            return CloudResult.Refuse(CloudReason.UnknownKey, key);
        }

        /// <inheritdoc />
        public CloudResult SetConfig(string key, string value)
        {
            bool known = false;
            for (int i = 0; i < ConfigKeys.Length; i++) if (ConfigKeys[i] == key) known = true;
            if (!known) return CloudResult.Refuse(CloudReason.UnknownKey, key);
            if (SwapStates.IsIn(_controller.State, SwapState.Swapping)) return CloudResult.Refuse(CloudReason.Busy, "a swap is under way");
            StationConfig c = _controller.Config;
            int v;
            if (key == "gate.minSocPct")
            {
                if (!TryInt(value, 0, 100, out v)) return CloudResult.Refuse(CloudReason.OutOfRange, "gate.minSocPct: 0..100");
                c.MinSocPct = v;
                return CloudResult.Ok(null);
            }
            if (key == "gate.bmsTimeoutMs")
            {
                if (!TryInt(value, 500, 60000, out v)) return CloudResult.Refuse(CloudReason.OutOfRange, "gate.bmsTimeoutMs: 500..60000");
                c.BmsTimeoutMs = v;
                return CloudResult.Ok(null);
            }
            return CloudResult.Refuse(CloudReason.Refused, key + " is read-only (set it on site)");
        }

        /// <inheritdoc />
        public string StateName { get { return _maintenance || _controller.MaintenanceHold ? "Maintenance" : SwapStates.Name(_controller.State); } }

        /// <inheritdoc />
        public void WriteState(JsonWriter w)
        {
            w.Member("state", StateName);
            w.Member("swapState", SwapStates.Name(_controller.State));
            w.Member("fault", (int)_controller.LatchedFault);
            w.Member("faultName", FaultCatalogue.Name(_controller.LatchedFault));
            w.MemberBool("maintenance", _maintenance);
            w.MemberBool("consoleHold", _controller.MaintenanceHold);
            w.Member("swapsToday", SwapsToday);
            SwapRecord current = _controller.CurrentSwap;
            if (current != null) w.Member("swapNo", current.SwapId);
        }

        /// <inheritdoc />
        public void WriteTelemetry(JsonWriter w)
        {
            WriteState(w);
            w.Member("lastFault", _lastFault);
            w.Member("lastFaultName", _lastFaultName);
            w.Name("lift");
            w.BeginObject();
            w.Member("posMm", (long)_controller.Lift.PositionMm);
            w.MemberBool("homed", _controller.Lift.IsHomed);
            w.EndObject();
            w.Name("locks");
            w.BeginArray();
            for (int i = 0; i < _controller.Locks.Count; i++)
                w.String(_controller.Locks.IsLocked(i) ? "locked" : _controller.Locks.IsUnlocked(i) ? "unlocked" : "between");
            w.EndArray();
            w.Name("interlocks");
            w.BeginObject();
            w.MemberBool("estopReleased", _controller.Interlocks.EStopReleased);
            w.MemberBool("curtainClear", _controller.Interlocks.LightCurtainClear);
            w.MemberBool("doorsClosed", _controller.Interlocks.DoorsClosed);
            w.MemberBool("vehicle", _controller.Interlocks.VehiclePositioned);
            w.MemberBool("relayOk", _controller.Interlocks.SafetyRelayOk);
            w.EndObject();
            w.Name("rack");
            w.BeginArray();
            PackInventory inv = _controller.Inventory;
            for (int i = 0; i < inv.SlotCount; i++)
            {
                PackRecord p = inv.Slot(i);
                if (p.IsEmpty) { w.Null(); continue; }
                w.BeginObject();
                w.Member("pack", p.Serial);
                w.Member("soc", p.SocPct);
                w.EndObject();
            }
            w.EndArray();
        }

        /// <summary>Writes the swap record of the event being journaled (ICloudPayload).</summary>
        public void WriteMembers(JsonWriter w)
        {
            SwapRecord r = _eventRecord;
            w.Name("swap");
            w.BeginObject();
            w.Member("no", r.SwapId);
            w.Member("vehicle", r.VehicleId);
            w.Member("packOut", r.PackOutSerial);
            w.Member("packIn", r.PackInSerial);
            w.Member("socOut", r.PackOutSocPct);
            w.Member("socIn", r.PackInSocPct);
            w.Member("slot", r.SourceSlot);
            w.MemberUtc("start", r.StartUtc);
            w.Name("steps");
            w.BeginArray();
            for (int i = 0; i < SwapStates.Count; i++)
            {
                if (r.StepStartMs[i] < 0) continue;
                w.BeginObject();
                w.Member("step", SwapStates.Name((SwapState)i));
                w.Member("startMs", r.StepStartMs[i]);
                if (r.StepEndMs[i] >= 0) w.Member("endMs", r.StepEndMs[i]);
                w.EndObject();
            }
            w.EndArray();
            w.Name("faults");
            w.BeginArray();
            int n = r.FaultCount < SwapRecord.MaxFaults ? r.FaultCount : SwapRecord.MaxFaults;
            for (int i = 0; i < n; i++) w.Number((int)r.Faults[i]);
            w.EndArray();
            int o = (int)r.Outcome;
            w.Member("outcome", o >= 0 && o < OutcomeNames.Length ? OutcomeNames[o] : "unknown");
            w.MemberBool("bmsVerified", r.BmsVerified);
            w.EndObject();
        }

        void OnSwapEvent(SwapEventKind kind, SwapState state, SwapRecord record)
        {
            if (kind == SwapEventKind.Completed) { RollDay(); _swapsToday++; }
            if (_link == null || record == null) return;
            int k = (int)kind;
            _eventRecord = record;
            _link.RecordEvent(k >= 0 && k < EventTypes.Length ? EventTypes[k] : "swap.unknown", this);
            _eventRecord = null;
        }

        void OnFaultChanged(FaultCode code, bool raised)
        {
            if (raised) { _lastFault = (int)code; _lastFaultName = FaultCatalogue.Name(code); }
            if (_link != null) _link.RecordFault(raised, (int)code, FaultCatalogue.Name(code), raised ? FaultCatalogue.Meaning(code) : null);
        }

        void RollDay()
        {
            DateTime now = _clock.UtcNow;
            if (now.DayOfYear != _dayOfYear) { _dayOfYear = now.DayOfYear; _swapsToday = 0; }
        }

        static CloudResult Map(CommandResult r)
        {
            if (r.Accepted) return CloudResult.Ok(r.Message);
            CloudReason reason;
            switch (r.Reason)
            {
                case RejectReason.InterlockOpen:
                case RejectReason.NoVehicle:
                case RejectReason.NotHomed:
                case RejectReason.FaultLatched:
                case RejectReason.RecoveryPending:
                case RejectReason.InventoryMismatch:
                    reason = CloudReason.UnsafeState;
                    break;
                case RejectReason.WrongState:
                case RejectReason.TooLateToCancel:
                    reason = CloudReason.Busy;
                    break;
                case RejectReason.BadAuthorization:
                    reason = CloudReason.OutOfRange;
                    break;
                default:
                    reason = CloudReason.Refused;
                    break;
            }
            return CloudResult.Refuse(reason, r.Message);
        }

        static bool TryInt(string s, int min, int max, out int value)
        {
            value = 0;
            if (s == null || s.Length == 0 || s.Length > 9) return false;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
                value = value * 10 + (s[i] - '0');
            }
            return value >= min && value <= max;
        }
    }
}
