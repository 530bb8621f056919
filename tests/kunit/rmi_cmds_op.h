/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Call thunks of rmi_cmds_test.c for the commands that may return
 * RMI_INCOMPLETE (RMI_CMD_OP in rmi_cmds_cases.h): their wrappers take a
 * last struct rmi_op *op, which receives the operation when X0 says
 * RMI_INCOMPLETE.  The test double never answers RMI_INCOMPLETE, so the
 * outputs are written as for any command; op is NULL when the outputs are.
 *
 * RMI_CALL_OP_<inputs>_<outputs>(cmd, ...) defines call_<cmd>(), as
 * RMI_CALL_<inputs>_<outputs>() does, with the operation as last argument.
 */
#ifndef __RMI_CMDS_OP_H
#define __RMI_CMDS_OP_H

#include <asm/rmi_cmds.h>

static struct rmi_op rmi_test_op;

/* The operation argument: NULL when the outputs are. */
static struct rmi_op *rmi_op_arg(unsigned long *out)
{
	return out ? &rmi_test_op : NULL;
}

#define RMI_CALL_OP_0_0(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(rmi_op_arg(out));			\
	}

#define RMI_CALL_OP_1_0(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], rmi_op_arg(out));		\
	}

#define RMI_CALL_OP_2_0(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], rmi_op_arg(out));	\
	}

#define RMI_CALL_OP_3_0(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2],			\
				 rmi_op_arg(out));			\
	}

#define RMI_CALL_OP_4_0(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], in[3],		\
				 rmi_op_arg(out));			\
	}

#define RMI_CALL_OP_5_0(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], in[3], in[4],	\
				 rmi_op_arg(out));			\
	}

#define RMI_CALL_OP_3_1(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], op(out, 0),	\
				 rmi_op_arg(out));			\
	}

#define RMI_CALL_OP_4_1(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], in[3],		\
				 op(out, 0), rmi_op_arg(out));		\
	}

#define RMI_CALL_OP_5_1(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], in[3], in[4],	\
				 op(out, 0), rmi_op_arg(out));		\
	}

#define RMI_CALL_OP_6_1(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], in[3], in[4],	\
				 in[5], op(out, 0),			\
				 rmi_op_arg(out));			\
	}

#define RMI_CALL_OP_2_2(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], op(out, 0),		\
				 op(out, 1), rmi_op_arg(out));		\
	}

#define RMI_CALL_OP_3_2(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], op(out, 0),	\
				 op(out, 1), rmi_op_arg(out));		\
	}

#define RMI_CALL_OP_2_3(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], op(out, 0),		\
				 op(out, 1), op(out, 2),		\
				 rmi_op_arg(out));			\
	}

#define RMI_CALL_OP_5_3(cmd, ...)					\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], in[3], in[4],	\
				 op(out, 0), op(out, 1),		\
				 op(out, 2), rmi_op_arg(out));		\
	}

#endif /* __RMI_CMDS_OP_H */
