namespace Station.Core.Can
{
    /// <summary>The release gate's BMS check (docs/can.md, "The BMS release gate"): talks GB/T 27930 to the pack just installed in the vehicle
    /// and refuses the release with a specific fault unless everything the BMS says is acceptable.</summary>
    /// <remarks>
    /// Order of the refusals (the first that applies is latched): BMS silent or broke the exchange → BmsNoAnswer /
    /// BmsProtocolError; serial not the chosen pack → PackSerialMismatch; battery type or rated energy contradicting the
    /// pack standard the record holds → PackStandardMismatch; battery type not accepted →
    /// PackTypeNotAccepted; SOC (BCS) below MinSocPct → PackSocTooLow; BSM temperatures outside the range →
    /// PackTemperatureOutOfRange; BSM fault codes (any non-00): insulation → PackInsulationFault, connector →
    /// PackConnectorNotMated, cell voltage → PackCellVoltageFault, over-temperature → PackOverTemperature, over-current
    /// → PackOverCurrent. The verdict waits for BRM, BCP, one BCS and one BSM.
    ///
    /// The check keeps monitoring until the gate decides (<see cref="Finish"/>): the session stays in its status phase and
    /// every poll judges the newest BCS and BSM again, so an insulation, connector or over-temperature fault the BMS raises
    /// at any time between the verdict and the release turns Passed into Failed with its numbered fault (a BMS that goes
    /// silent or breaks the exchange fails the session, which fails the check). <see cref="ConfirmedAtMs"/> is the age of
    /// the data a Passed rests on (the older of the last BCS and BSM), so the gate can demand a confirmation within its
    /// freshness window. A Failed verdict, or Finish, ends the session cleanly (CST/BST, BSD/CSD) by further polls; the
    /// sequencer polls every tick, nothing else ticks this check.
    /// </remarks>
    public sealed class BmsPackCheck : IReleaseGateCheck
    {
        // Verdicts are reached inside the control tick: on nanoFramework every evaluation of a string literal makes a
        // new heap object, a static field does not.
        private static readonly string NotStartedText = "not started";
        private static readonly string WaitingText = "waiting for the BMS";
        private static readonly string SilentText = "the BMS did not answer";
        private static readonly string ProtocolBrokenText = "the BMS broke the GB/T exchange";
        private static readonly string TransfersBrokenText = "the BMS's transfers were broken (see the CAN log)";
        private static readonly string NoFullPictureText = "the BMS did not give identity, parameters and status in time";
        private static readonly string SerialMismatchText = "the pack's BMS reports another serial than the chosen pack";
        private static readonly string StandardContradictedText = "the pack's BMS reports a chemistry or energy that contradicts its recorded standard";
        private static readonly string TypeRefusedText = "the pack's battery type is not accepted";
        private static readonly string SocTooLowText = "the pack's state of charge is below the minimum";
        private static readonly string TemperatureOutText = "the pack's temperature is outside the accepted range";
        private static readonly string InsulationFaultText = "the BMS reports an insulation fault";
        private static readonly string ConnectorFaultText = "the BMS reports a connector fault";
        private static readonly string CellVoltageFaultText = "the BMS reports a cell voltage fault";
        private static readonly string OverTemperatureText = "the BMS reports over-temperature";
        private static readonly string OverCurrentText = "the BMS reports over-current";
        private static readonly string VerifiedText = "BMS verified: serial, type, SOC, temperatures and fault bits accepted";

        private readonly PackSession _session;
        private readonly BmsCheckConfig _config;
        private readonly int _minSocPct;
        private readonly int _answerTimeoutMs;
        private GateVerdict _verdict;
        private string _expected;
        private PackStandard _expectedStandard;
        private long _startMs;
        private bool _stopSent;
        private long _lastPollMs;
        private bool _begun;
        private bool _finished;
        // The decoder's drops before this check's session (its counters run for the station's life): a silent pack is
        // told from a broken exchange by this session's drops only.
        private long _dropsBefore;
        private bool _standardRead;
        // The session's update count the last pass was judged on (see Poll).
        private int _passedOn;

        /// <summary>Builds the check over a pack session (which owns the CAN port).</summary>
        public BmsPackCheck(PackSession session, BmsCheckConfig config, int minSocPct, int bmsTimeoutMs)
        {
            _session = session;
            _config = config == null ? new BmsCheckConfig() : config;
            _minSocPct = minSocPct;
            _answerTimeoutMs = _config.AnswerTimeoutMs > 0 ? _config.AnswerTimeoutMs : bmsTimeoutMs - 500;
            if (_answerTimeoutMs < 1) _answerTimeoutMs = 1;
            Reason = NotStartedText;
        }

        /// <summary>0 for a car bay's check (the swap's installed pack); 1..3 for a truck block position's own check
        /// (that block's serial and standard, from the swap record's block at this position).</summary>
        public int Position { get; set; }

        /// <summary>The GB/T session (identity and live state of the pack).</summary>
        public PackSession Session { get { return _session; } }

        /// <inheritdoc />
        public FaultCode FailureFault { get; private set; }

        /// <inheritdoc />
        public bool VerifiesBms { get { return true; } }

        /// <inheritdoc />
        /// <remarks>The session ended its exchange (or failed) and holds no open transfer: frames that come meanwhile are
        /// read when the next session starts (PackSession.Start).</remarks>
        public bool WoundDown { get { return _finished && _session.AtRest; } }

        /// <inheritdoc />
        public int MeasuredSocPct { get { return _session.Status.BcsMs >= 0 ? _session.Status.SocPct : -1; } }

        /// <inheritdoc />
        public PackStandard ReportedStandard { get; private set; }

        /// <inheritdoc />
        public string Reason { get; private set; }

        /// <inheritdoc />
        public long ConfirmedAtMs { get; private set; }

        /// <summary>The verdict as of the last poll (the console and tests read it; polling is the sequencer's).</summary>
        public GateVerdict Verdict { get { return _verdict; } }

        /// <inheritdoc />
        public void Begin(SwapRecord swap, long nowMs)
        {
            _expected = swap == null ? null : swap.PackInSerial;
            _expectedStandard = swap == null ? PackStandard.Unspecified : swap.PackInStandard;
            BlockSwap block = Position > 0 && swap != null ? swap.BlockAt(Position) : null;
            if (block != null)
            {
                _expected = block.PackInSerial;
                _expectedStandard = block.PackInStandard;
            }
            _startMs = nowMs;
            _verdict = GateVerdict.Pending;
            _stopSent = false;
            _begun = true;
            _finished = false;
            ConfirmedAtMs = -1;
            FailureFault = FaultCode.None;
            ReportedStandard = PackStandard.Unspecified;
            _standardRead = false;
            Reason = WaitingText;
            _session.Start(nowMs);
            _dropsBefore = _session.Decoder.TotalDrops;
        }

        /// <summary>Runs the GB/T session: the sequencer polls this every control tick from <see cref="Begin"/> on, so the
        /// session runs while the lift returns home and, after the verdict, ends cleanly (CST/BST, BSD/CSD).
        /// Allocation-free.</summary>
        public GateVerdict Poll(long nowMs)
        {
            if (!_begun) return GateVerdict.Pending;
            _lastPollMs = nowMs;
            _session.Tick(nowMs);
            // Failed is final; after Finish the session only winds down (most of a swap's ticks: the judging and its
            // locals are a method of their own); until then a Passed is judged again every poll.
            if (_verdict == GateVerdict.Failed || _finished) return _verdict;
            // A pass judged on the identity and status the session holds now stands, unless the session failed since:
            // Evaluate reads nothing else that can change within a check (its figures apply at restart), so judging them
            // again would give the same pass. The walk (serial digits, catalogue, every limit) is dear on the
            // interpreter and the BMS sends what it judges only a few times a second; every such message is judged in
            // the tick it arrives.
            PackSession session = _session;
            if (_verdict == GateVerdict.Passed && session.Updates == _passedOn && session.Current != PackSessionState.Failed)
                return _verdict;
            return Judge(nowMs);
        }

        private GateVerdict Judge(long nowMs)
        {
            PackSession session = _session;
            if (session.Current == PackSessionState.Failed)
            {
                PackSessionFailure f = _session.Failure;
                bool silent = f == PackSessionFailure.NoBhm && _session.Decoder.TotalDrops == _dropsBefore;
                return Refuse(silent ? FaultCode.BmsNoAnswer : FaultCode.BmsProtocolError,
                              silent ? SilentText : ProtocolBrokenText);
            }
            if (!session.HasFullPicture)
            {
                if (nowMs - _startMs > _answerTimeoutMs)
                {
                    // Frames that came but broke (aborted or disordered transfers, impossible sizes) are not silence.
                    if (_session.Decoder.TotalDrops > _dropsBefore)
                        return Refuse(FaultCode.BmsProtocolError, TransfersBrokenText);
                    return Refuse(FaultCode.BmsNoAnswer, NoFullPictureText);
                }
                return GateVerdict.Pending;
            }
            return Evaluate();
        }

        private GateVerdict Evaluate()
        {
            PackIdentity id = _session.Identity;
            PackStatus st = _session.Status;
            if (!id.SerialMatches(_expected))
                return Refuse(FaultCode.PackSerialMismatch, SerialMismatchText);
            if (PackStandards.Contradicts(_expectedStandard, id.BatteryTypeCode, id.RatedCapacityAh, id.RatedVoltageV))
                return Refuse(FaultCode.PackStandardMismatch, StandardContradictedText);
            if (!_standardRead)
            {
                // Once per check: the BRM does not change within a session, and the catalogue walk is not free on the tick.
                _standardRead = true;
                ReportedStandard = PackStandards.FromBms(id.BatteryTypeCode, id.RatedCapacityAh, id.RatedVoltageV);
            }
            bool typeOk = false;
            for (int i = 0; i < _config.AcceptedBatteryTypes.Length; i++)
                if (_config.AcceptedBatteryTypes[i] == id.BatteryTypeCode) typeOk = true;
            if (!typeOk) return Refuse(FaultCode.PackTypeNotAccepted, TypeRefusedText);
            if (st.SocPct < _minSocPct) return Refuse(FaultCode.PackSocTooLow, SocTooLowText);
            if (st.MinTempC < _config.MinTempC || st.MaxTempC > _config.MaxTempC)
                return Refuse(FaultCode.PackTemperatureOutOfRange, TemperatureOutText);
            if (st.InsulationState != 0) return Refuse(FaultCode.PackInsulationFault, InsulationFaultText);
            if (st.ConnectorState != 0) return Refuse(FaultCode.PackConnectorNotMated, ConnectorFaultText);
            if (st.CellVoltageState != 0) return Refuse(FaultCode.PackCellVoltageFault, CellVoltageFaultText);
            if (st.OvertempState != 0) return Refuse(FaultCode.PackOverTemperature, OverTemperatureText);
            if (st.OvercurrentState != 0) return Refuse(FaultCode.PackOverCurrent, OverCurrentText);
            _verdict = GateVerdict.Passed;
            _passedOn = _session.Updates;
            Reason = VerifiedText;
            ConfirmedAtMs = st.BcsMs < st.BsmMs ? st.BcsMs : st.BsmMs;
            return _verdict;
        }

        /// <inheritdoc />
        public void Finish(long nowMs)
        {
            if (!_begun || _finished) return;
            _finished = true;
            _lastPollMs = nowMs;
            End();
        }

        private void End()
        {
            if (_stopSent) return;
            _stopSent = true;
            _session.Stop(_lastPollMs);
        }

        private GateVerdict Refuse(FaultCode fault, string reason)
        {
            _verdict = GateVerdict.Failed;
            FailureFault = fault;
            Reason = reason;
            End();
            return _verdict;
        }
    }
}
