/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * How each RMI command packs its registers, typed from the specification:
 *
 *   RMI_CMD(wrapper, FNUM, RMI_IN(X1, X2, ...), RMI_OUT(X1, X2, ...),
 *	     narrow, sync | sro)
 *
 * RMI_IN() names the input registers X1 up, in register order, RMI_OUT() the
 * output registers besides X0, X1 up; a name is the wrapper's parameter for
 * that register, "long" before it when the specification's type is Int64
 * (the others are unsigned long).  narrow: outputs the specification gives
 * as 8 bits, 7:0 (bit k: output X<k+1>).  sro: the command may return
 * RMI_INCOMPLETE (a Stateful RMI Operation): its wrapper takes a last
 * struct rmi_op *op; sync: it may not.
 *
 * make check (tests/protos/check-prototypes.py) checks that the parameters
 * of every wrapper are exactly these names, in this order, followed by op
 * for sro; the KUnit suite checks that parameter k lands in register
 * X<k+1>.  Together: each name lands in the register given here.
 *
 * 1.0-rel0: DEN0137 1.0-rel0 B4.3, the "Input values" and "Output values"
 * tables of each command (rmi-abi.md section 2.2).  2.0-bet1: the register
 * lists collected in the project's RMI ABI reference, section 3.2 (TF-RMM
 * handlers, the v14 series' wrappers), with the bet1 choices: PSCI_COMPLETE
 * keeps target_rec, RTT_DEV_VALIDATE keeps pdev and vdev, OP_MEM_DONATE
 * takes three inputs.  Stateful: the "(SRO)" commands of section 3.2 and
 * 3.3, TF-RMM's sro_handles[] (REC_CREATE, REC_DESTROY, PSMMU_ACTIVATE,
 * PSMMU_DEACTIVATE, PSMMU_ST_L2_CREATE, PSMMU_ST_L2_DESTROY, PDEV_CREATE,
 * PDEV_DESTROY, RTT_DATA_MAP, RTT_DEV_MAP, RTT_DATA_UNMAP, RTT_UNPROT_UNMAP,
 * RTT_DEV_UNMAP), the Linux 2.0 wrappers (RTT_DATA_MAP_INIT, REALM_CREATE,
 * REALM_DESTROY, REALM_TERMINATE, RMM_ACTIVATE, GPT_L1_CREATE,
 * GRANULE_TRACKING_SET, RTT_UNPROT_MAP) and OP_CONTINUE, OP_CANCEL.
 *
 * Included twice by rmi_cmds_test.c, once for the call thunks, once for the
 * case table.
 */
#ifdef RMI_SPEC_REVISION_1_0_REL0
RMI_CMD(version, 0x150, RMI_IN(req), RMI_OUT(lower, higher), 0, sync)
RMI_CMD(granule_delegate, 0x151, RMI_IN(addr), RMI_OUT(), 0, sync)
RMI_CMD(granule_undelegate, 0x152, RMI_IN(addr), RMI_OUT(), 0, sync)
RMI_CMD(data_create, 0x153, RMI_IN(rd, data, ipa, src, flags), RMI_OUT(), 0, sync)
RMI_CMD(data_create_unknown, 0x154, RMI_IN(rd, data, ipa), RMI_OUT(), 0, sync)
RMI_CMD(data_destroy, 0x155, RMI_IN(rd, ipa), RMI_OUT(data, top), 0, sync)
RMI_CMD(realm_activate, 0x157, RMI_IN(rd), RMI_OUT(), 0, sync)
RMI_CMD(realm_create, 0x158, RMI_IN(rd, params), RMI_OUT(), 0, sync)
RMI_CMD(realm_destroy, 0x159, RMI_IN(rd), RMI_OUT(), 0, sync)
RMI_CMD(rec_create, 0x15a, RMI_IN(rd, rec, params), RMI_OUT(), 0, sync)
RMI_CMD(rec_destroy, 0x15b, RMI_IN(rec), RMI_OUT(), 0, sync)
RMI_CMD(rec_enter, 0x15c, RMI_IN(rec, run), RMI_OUT(), 0, sync)
RMI_CMD(rtt_create, 0x15d, RMI_IN(rd, rtt, ipa, long level), RMI_OUT(), 0, sync)
RMI_CMD(rtt_destroy, 0x15e, RMI_IN(rd, ipa, long level), RMI_OUT(rtt, top), 0, sync)
RMI_CMD(rtt_map_unprotected, 0x15f, RMI_IN(rd, ipa, long level, desc), RMI_OUT(), 0, sync)
RMI_CMD(rtt_read_entry, 0x161, RMI_IN(rd, ipa, long level),
	RMI_OUT(walk_level, state, desc, ripas), BIT(1) | BIT(3), sync)
RMI_CMD(rtt_unmap_unprotected, 0x162, RMI_IN(rd, ipa, long level), RMI_OUT(top), 0, sync)
RMI_CMD(psci_complete, 0x164, RMI_IN(calling_rec, target_rec, status), RMI_OUT(), 0, sync)
RMI_CMD(features, 0x165, RMI_IN(index), RMI_OUT(value), 0, sync)
RMI_CMD(rtt_fold, 0x166, RMI_IN(rd, ipa, long level), RMI_OUT(rtt), 0, sync)
RMI_CMD(rec_aux_count, 0x167, RMI_IN(rd), RMI_OUT(aux_count), 0, sync)
RMI_CMD(rtt_init_ripas, 0x168, RMI_IN(rd, base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(rtt_set_ripas, 0x169, RMI_IN(rd, rec, base, top), RMI_OUT(out_top), 0, sync)
#endif

#ifdef RMI_SPEC_REVISION_2_0_BET1
RMI_CMD(version, 0x150, RMI_IN(req), RMI_OUT(lower, higher), 0, sync)
RMI_CMD(rtt_data_map_init, 0x153, RMI_IN(rd, data, ipa, src, flags), RMI_OUT(), 0, sro)
RMI_CMD(realm_activate, 0x157, RMI_IN(rd), RMI_OUT(), 0, sync)
RMI_CMD(realm_create, 0x158, RMI_IN(rd, params), RMI_OUT(), 0, sro)
RMI_CMD(realm_destroy, 0x159, RMI_IN(rd), RMI_OUT(), 0, sro)
RMI_CMD(rec_create, 0x15a, RMI_IN(rd, rec, params), RMI_OUT(), 0, sro)
RMI_CMD(rec_destroy, 0x15b, RMI_IN(rec), RMI_OUT(), 0, sro)
RMI_CMD(rec_enter, 0x15c, RMI_IN(rec, run), RMI_OUT(), 0, sync)
RMI_CMD(rtt_create, 0x15d, RMI_IN(rd, rtt, ipa, long level), RMI_OUT(), 0, sync)
RMI_CMD(rtt_destroy, 0x15e, RMI_IN(rd, ipa, long level), RMI_OUT(out_rtt, out_top), 0, sync)
RMI_CMD(rtt_read_entry, 0x161, RMI_IN(rd, ipa, long level),
	RMI_OUT(walk_level, state, desc, ripas), BIT(1) | BIT(3), sync)
RMI_CMD(rtt_dev_validate, 0x163, RMI_IN(rd, rec, pdev, vdev, base, top),
	RMI_OUT(out_top), 0, sync)
RMI_CMD(psci_complete, 0x164, RMI_IN(calling_rec, target_rec, status), RMI_OUT(), 0, sync)
RMI_CMD(features, 0x165, RMI_IN(index), RMI_OUT(value), 0, sync)
RMI_CMD(rtt_fold, 0x166, RMI_IN(rd, ipa, long level), RMI_OUT(out_rtt), 0, sync)
RMI_CMD(rtt_init_ripas, 0x168, RMI_IN(rd, base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(rtt_set_ripas, 0x169, RMI_IN(rd, rec, base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(rmm_config_set, 0x16e, RMI_IN(config), RMI_OUT(), 0, sync)
RMI_CMD(pdev_abort, 0x174, RMI_IN(pdev), RMI_OUT(), 0, sync)
RMI_CMD(pdev_communicate, 0x175, RMI_IN(pdev, data), RMI_OUT(), 0, sync)
RMI_CMD(pdev_create, 0x176, RMI_IN(pdev, params), RMI_OUT(), 0, sro)
RMI_CMD(pdev_destroy, 0x177, RMI_IN(pdev), RMI_OUT(), 0, sro)
RMI_CMD(pdev_get_state, 0x178, RMI_IN(pdev), RMI_OUT(state), 0, sync)
RMI_CMD(pdev_stream_key_refresh, 0x17a, RMI_IN(pdev_1, pdev_2, handle), RMI_OUT(), 0, sync)
RMI_CMD(pdev_set_pubkey, 0x17b, RMI_IN(pdev, params), RMI_OUT(), 0, sync)
RMI_CMD(pdev_stop, 0x17c, RMI_IN(pdev), RMI_OUT(), 0, sync)
RMI_CMD(rtt_aux_create, 0x17d, RMI_IN(rd, rtt, ipa, long level, index), RMI_OUT(), 0, sync)
RMI_CMD(rtt_aux_destroy, 0x17e, RMI_IN(rd, ipa, long level, index),
	RMI_OUT(out_rtt, out_top), 0, sync)
RMI_CMD(rtt_aux_fold, 0x17f, RMI_IN(rd, ipa, long level, index), RMI_OUT(out_rtt), 0, sync)
RMI_CMD(vdev_abort, 0x185, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(vdev_communicate, 0x186, RMI_IN(rd, pdev, vdev, data), RMI_OUT(), 0, sync)
RMI_CMD(vdev_create, 0x187, RMI_IN(rd, pdev, vdev, params), RMI_OUT(), 0, sync)
RMI_CMD(vdev_destroy, 0x188, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(vdev_get_state, 0x189, RMI_IN(vdev), RMI_OUT(state), 0, sync)
RMI_CMD(rtt_set_s2ap, 0x18b, RMI_IN(rd, rec, base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(vdev_complete, 0x18e, RMI_IN(rec, vdev), RMI_OUT(), 0, sync)
RMI_CMD(vdev_get_interface_report, 0x1d0, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(vdev_get_measurements, 0x1d1, RMI_IN(rd, pdev, vdev, params), RMI_OUT(), 0, sync)
RMI_CMD(vdev_lock, 0x1d2, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(vdev_start, 0x1d3, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(psmmu_activate, 0x1d7, RMI_IN(psmmu, params), RMI_OUT(), 0, sro)
RMI_CMD(psmmu_deactivate, 0x1d8, RMI_IN(psmmu), RMI_OUT(), 0, sro)
RMI_CMD(psmmu_st_l2_create, 0x1db, RMI_IN(psmmu, sid), RMI_OUT(), 0, sro)
RMI_CMD(psmmu_st_l2_destroy, 0x1dc, RMI_IN(psmmu, sid), RMI_OUT(), 0, sro)
RMI_CMD(granule_tracking_get, 0x1e1, RMI_IN(base, top),
	RMI_OUT(out_category, out_state, out_top), 0, sync)
RMI_CMD(granule_tracking_set, 0x1e3, RMI_IN(addr, category, state), RMI_OUT(), 0, sro)
RMI_CMD(rmm_config_get, 0x1ec, RMI_IN(config), RMI_OUT(), 0, sync)
RMI_CMD(granule_range_delegate, 0x1f1, RMI_IN(base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(granule_range_undelegate, 0x1f2, RMI_IN(base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(gpt_l1_create, 0x1f3, RMI_IN(addr), RMI_OUT(), 0, sro)
RMI_CMD(gpt_l1_destroy, 0x1f4, RMI_IN(addr), RMI_OUT(), 0, sync)
RMI_CMD(rtt_data_map, 0x1f5, RMI_IN(rd, base, top, flags, oaddr), RMI_OUT(out_top), 0, sro)
RMI_CMD(rtt_data_unmap, 0x1f6, RMI_IN(rd, base, top, flags, oaddr),
	RMI_OUT(out_top, out_range, out_count), 0, sro)
RMI_CMD(rtt_dev_map, 0x1f7, RMI_IN(rd, vdev, base, top, flags, oaddr),
	RMI_OUT(out_top), 0, sro)
RMI_CMD(rtt_dev_unmap, 0x1f8, RMI_IN(rd, base, top, flags, oaddr),
	RMI_OUT(out_top, out_range, out_count), 0, sro)
RMI_CMD(rtt_unprot_map, 0x1fb, RMI_IN(rd, base, top, flags, oaddr), RMI_OUT(out_top), 0, sro)
RMI_CMD(rtt_unprot_unmap, 0x1fc, RMI_IN(rd, base, top, flags, oaddr),
	RMI_OUT(out_top, out_range, out_count), 0, sro)
RMI_CMD(realm_terminate, 0x201, RMI_IN(rd), RMI_OUT(), 0, sro)
RMI_CMD(rmm_activate, 0x202, RMI_IN(), RMI_OUT(), 0, sro)
/*
 * OP_CONTINUE: on completion, the outputs of the map and unmap commands it
 * carries on (issue 6); rmi-abi.md 3.2 lists X1 and X2 only, which are the
 * handle and donate request of the struct rmi_op when it does not complete.
 */
RMI_CMD(op_continue, 0x203, RMI_IN(handle, flags),
	RMI_OUT(out_top, out_range, out_count), 0, sro)
RMI_CMD(pdev_stream_connect, 0x204, RMI_IN(params), RMI_OUT(out_handle), 0, sync)
RMI_CMD(pdev_stream_disconnect, 0x205, RMI_IN(pdev_1, pdev_2, handle), RMI_OUT(), 0, sync)
RMI_CMD(pdev_stream_complete, 0x206, RMI_IN(pdev_1, pdev_2, handle), RMI_OUT(), 0, sync)
RMI_CMD(pdev_stream_key_purge, 0x207, RMI_IN(pdev_1, pdev_2, handle), RMI_OUT(), 0, sync)
RMI_CMD(op_mem_donate, 0x208, RMI_IN(handle, list, count),
	RMI_OUT(out_donated, out_donate_req), 0, sync)
RMI_CMD(op_mem_reclaim, 0x209, RMI_IN(handle, list, capacity), RMI_OUT(out_count), 0, sync)
RMI_CMD(op_cancel, 0x20a, RMI_IN(handle), RMI_OUT(), 0, sro)
#endif

/*
 * 2.0-bet3: the FIDs of the queued series' bet3 header (rmi-abi.md 3.2, bet3
 * column) and the registers of the bet3 wrappers (S8w: gwshan/linux
 * include/linux/arm-rmi-cmds.h at 04f22f5151ff, and the later copy with
 * rmi_rmm_deactivate() and rmi_gpt_info(), S8w+), else as 2.0-bet1:
 * PSCI_COMPLETE takes calling_rec and status (rmi-abi.md 5, item 2),
 * RTT_DEV_VALIDATE rd, rec, base and top, OP_MEM_DONATE a fourth input,
 * flags (item 7); RMM_DEACTIVATE (0x20f) takes nothing, GPT_INFO (0x211)
 * returns the top and the GPT state; VDEV_COMPLETE is gone.  Stateful, in
 * addition to those of 2.0-bet1: RTT_CREATE, RTT_DESTROY, RTT_FOLD,
 * RTT_INIT_RIPAS and RTT_SET_RIPAS, which the bet3 wrappers call through
 * rmi_sro_execute(), RMM_DEACTIVATE and GPT_INFO (S8w+).
 */
#ifdef RMI_SPEC_REVISION_2_0_BET3
RMI_CMD(version, 0x150, RMI_IN(req), RMI_OUT(lower, higher), 0, sync)
RMI_CMD(rtt_data_map_init, 0x153, RMI_IN(rd, data, ipa, src, flags), RMI_OUT(), 0, sro)
RMI_CMD(realm_activate, 0x157, RMI_IN(rd), RMI_OUT(), 0, sync)
RMI_CMD(realm_create, 0x158, RMI_IN(rd, params), RMI_OUT(), 0, sro)
RMI_CMD(realm_destroy, 0x159, RMI_IN(rd), RMI_OUT(), 0, sro)
RMI_CMD(rec_create, 0x15a, RMI_IN(rd, rec, params), RMI_OUT(), 0, sro)
RMI_CMD(rec_destroy, 0x15b, RMI_IN(rec), RMI_OUT(), 0, sro)
RMI_CMD(rec_enter, 0x15c, RMI_IN(rec, run), RMI_OUT(), 0, sync)
RMI_CMD(rtt_create, 0x15d, RMI_IN(rd, rtt, ipa, long level), RMI_OUT(), 0, sro)
RMI_CMD(rtt_destroy, 0x15e, RMI_IN(rd, ipa, long level), RMI_OUT(out_rtt, out_top), 0, sro)
RMI_CMD(rtt_read_entry, 0x161, RMI_IN(rd, ipa, long level),
	RMI_OUT(walk_level, state, desc, ripas), BIT(1) | BIT(3), sync)
RMI_CMD(rtt_dev_validate, 0x163, RMI_IN(rd, rec, base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(psci_complete, 0x164, RMI_IN(calling_rec, status), RMI_OUT(), 0, sync)
RMI_CMD(features, 0x165, RMI_IN(index), RMI_OUT(value), 0, sync)
RMI_CMD(rtt_fold, 0x166, RMI_IN(rd, ipa, long level), RMI_OUT(out_rtt), 0, sro)
RMI_CMD(rtt_init_ripas, 0x168, RMI_IN(rd, base, top), RMI_OUT(out_top), 0, sro)
RMI_CMD(rtt_set_ripas, 0x169, RMI_IN(rd, rec, base, top), RMI_OUT(out_top), 0, sro)
RMI_CMD(rmm_config_set, 0x16e, RMI_IN(config), RMI_OUT(), 0, sync)
RMI_CMD(pdev_abort, 0x174, RMI_IN(pdev), RMI_OUT(), 0, sync)
RMI_CMD(pdev_communicate, 0x175, RMI_IN(pdev, data), RMI_OUT(), 0, sync)
RMI_CMD(pdev_create, 0x176, RMI_IN(pdev, params), RMI_OUT(), 0, sro)
RMI_CMD(pdev_destroy, 0x177, RMI_IN(pdev), RMI_OUT(), 0, sro)
RMI_CMD(pdev_get_state, 0x178, RMI_IN(pdev), RMI_OUT(state), 0, sync)
RMI_CMD(pdev_stream_key_refresh, 0x17a, RMI_IN(pdev_1, pdev_2, handle), RMI_OUT(), 0, sync)
RMI_CMD(pdev_set_pubkey, 0x17b, RMI_IN(pdev, params), RMI_OUT(), 0, sync)
RMI_CMD(pdev_stop, 0x17c, RMI_IN(pdev), RMI_OUT(), 0, sync)
RMI_CMD(rtt_aux_create, 0x17d, RMI_IN(rd, rtt, ipa, long level, index), RMI_OUT(), 0, sync)
RMI_CMD(rtt_aux_destroy, 0x17e, RMI_IN(rd, ipa, long level, index),
	RMI_OUT(out_rtt, out_top), 0, sync)
RMI_CMD(rtt_aux_fold, 0x17f, RMI_IN(rd, ipa, long level, index), RMI_OUT(out_rtt), 0, sync)
RMI_CMD(vdev_abort, 0x185, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(vdev_communicate, 0x186, RMI_IN(rd, pdev, vdev, data), RMI_OUT(), 0, sync)
RMI_CMD(vdev_create, 0x187, RMI_IN(rd, pdev, vdev, params), RMI_OUT(), 0, sync)
RMI_CMD(vdev_destroy, 0x188, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(vdev_get_state, 0x189, RMI_IN(vdev), RMI_OUT(state), 0, sync)
RMI_CMD(rtt_set_s2ap, 0x18b, RMI_IN(rd, rec, base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(vdev_get_interface_report, 0x1d0, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(vdev_get_measurements, 0x1d1, RMI_IN(rd, pdev, vdev, params), RMI_OUT(), 0, sync)
RMI_CMD(vdev_lock, 0x1d2, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(vdev_start, 0x1d3, RMI_IN(rd, pdev, vdev), RMI_OUT(), 0, sync)
RMI_CMD(psmmu_activate, 0x1d7, RMI_IN(psmmu, params), RMI_OUT(), 0, sro)
RMI_CMD(psmmu_deactivate, 0x1d8, RMI_IN(psmmu), RMI_OUT(), 0, sro)
RMI_CMD(psmmu_st_l2_create, 0x1db, RMI_IN(psmmu, sid), RMI_OUT(), 0, sro)
RMI_CMD(psmmu_st_l2_destroy, 0x1dc, RMI_IN(psmmu, sid), RMI_OUT(), 0, sro)
RMI_CMD(granule_tracking_get, 0x1e1, RMI_IN(base, top),
	RMI_OUT(out_category, out_state, out_top), 0, sync)
RMI_CMD(granule_tracking_set, 0x1e3, RMI_IN(addr, category, state), RMI_OUT(), 0, sro)
RMI_CMD(rmm_config_get, 0x1ec, RMI_IN(config), RMI_OUT(), 0, sync)
RMI_CMD(granule_range_delegate, 0x1f1, RMI_IN(base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(granule_range_undelegate, 0x1f2, RMI_IN(base, top), RMI_OUT(out_top), 0, sync)
RMI_CMD(gpt_l1_create, 0x1f3, RMI_IN(addr), RMI_OUT(), 0, sro)
RMI_CMD(gpt_l1_destroy, 0x1f4, RMI_IN(addr), RMI_OUT(), 0, sync)
RMI_CMD(rtt_data_map, 0x1f5, RMI_IN(rd, base, top, flags, oaddr), RMI_OUT(out_top), 0, sro)
RMI_CMD(rtt_data_unmap, 0x1f6, RMI_IN(rd, base, top, flags, oaddr),
	RMI_OUT(out_top, out_range, out_count), 0, sro)
RMI_CMD(rtt_dev_map, 0x1f7, RMI_IN(rd, vdev, base, top, flags, oaddr),
	RMI_OUT(out_top), 0, sro)
RMI_CMD(rtt_dev_unmap, 0x1f8, RMI_IN(rd, base, top, flags, oaddr),
	RMI_OUT(out_top, out_range, out_count), 0, sro)
RMI_CMD(rtt_unprot_map, 0x1fb, RMI_IN(rd, base, top, flags, oaddr), RMI_OUT(out_top), 0, sro)
RMI_CMD(rtt_unprot_unmap, 0x1fc, RMI_IN(rd, base, top, flags, oaddr),
	RMI_OUT(out_top, out_range, out_count), 0, sro)
RMI_CMD(realm_terminate, 0x201, RMI_IN(rd), RMI_OUT(), 0, sro)
RMI_CMD(rmm_activate, 0x202, RMI_IN(), RMI_OUT(), 0, sro)
/* OP_CONTINUE: as in 2.0-bet1. */
RMI_CMD(op_continue, 0x203, RMI_IN(handle, flags),
	RMI_OUT(out_top, out_range, out_count), 0, sro)
RMI_CMD(pdev_stream_connect, 0x204, RMI_IN(params), RMI_OUT(out_handle), 0, sync)
RMI_CMD(pdev_stream_disconnect, 0x205, RMI_IN(pdev_1, pdev_2, handle), RMI_OUT(), 0, sync)
RMI_CMD(pdev_stream_complete, 0x206, RMI_IN(pdev_1, pdev_2, handle), RMI_OUT(), 0, sync)
RMI_CMD(pdev_stream_key_purge, 0x207, RMI_IN(pdev_1, pdev_2, handle), RMI_OUT(), 0, sync)
RMI_CMD(op_mem_donate, 0x208, RMI_IN(handle, list, count, flags),
	RMI_OUT(out_donated, out_donate_req), 0, sync)
RMI_CMD(op_mem_reclaim, 0x209, RMI_IN(handle, list, capacity), RMI_OUT(out_count), 0, sync)
RMI_CMD(op_cancel, 0x20a, RMI_IN(handle), RMI_OUT(), 0, sro)
RMI_CMD(rmm_deactivate, 0x20f, RMI_IN(), RMI_OUT(), 0, sro)
/*
 * GPT_INFO: X2 in is "end" and X2 out "out_gpt_par_state" in the wrapper
 * (S8w+), "top" and "GPT PAR state" in rmi-abi.md 3.2; the state is an
 * enumeration, 8 bits as the spec's other enumerations in registers.
 */
RMI_CMD(gpt_info, 0x211, RMI_IN(base, top), RMI_OUT(out_top, out_state), BIT(1), sro)
#endif
