/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decode.c -- rz-verify: one instruction, decoded by Zydis, reduced to
   what the analysis needs: its registers, its memory operands with their
   actions and sizes, and what it does to %rsp and to control flow.  */

#include "rz-verify.h"
#include <Zydis/Zydis.h>
#include <stdio.h>
#include <string.h>

struct rz_decoder
{
  ZydisDecoder dec;
  ZydisFormatter fmt;
};

struct rz_decoder *
rz_decoder_new (void)
{
  struct rz_decoder *d = rz_xmalloc (sizeof *d);
  if (!ZYAN_SUCCESS (ZydisDecoderInit (&d->dec, ZYDIS_MACHINE_MODE_LONG_64,
                                       ZYDIS_STACK_WIDTH_64))
      || !ZYAN_SUCCESS (ZydisFormatterInit (&d->fmt, ZYDIS_FORMATTER_STYLE_ATT)))
    rz_fatal ("cannot initialise the Zydis decoder");
  /* objdump's spelling of displacements and immediates: no padding.  */
  ZydisFormatterSetProperty (&d->fmt, ZYDIS_FORMATTER_PROP_DISP_PADDING,
                             ZYDIS_PADDING_DISABLED);
  ZydisFormatterSetProperty (&d->fmt, ZYDIS_FORMATTER_PROP_IMM_PADDING,
                             ZYDIS_PADDING_DISABLED);
  ZydisFormatterSetProperty (&d->fmt, ZYDIS_FORMATTER_PROP_ADDR_PADDING_ABSOLUTE,
                             ZYDIS_PADDING_DISABLED);
  return d;
}

/* The 64-bit GPR that REG is part of, as 0..15; -1 for other registers.  */
static int
gpr (ZydisRegister reg)
{
  if (reg == ZYDIS_REGISTER_NONE)
    return -1;
  ZydisRegister r = ZydisRegisterGetLargestEnclosing (ZYDIS_MACHINE_MODE_LONG_64,
                                                      reg);
  if (r >= ZYDIS_REGISTER_RAX && r <= ZYDIS_REGISTER_R15)
    return r - ZYDIS_REGISTER_RAX;
  return -1;
}

static uint8_t
addr_reg (ZydisRegister reg)
{
  if (reg == ZYDIS_REGISTER_NONE)
    return RZ_NOREG;
  if (reg == ZYDIS_REGISTER_RIP || reg == ZYDIS_REGISTER_EIP)
    return RZ_RIP;
  int g = gpr (reg);
  return g >= 0 ? g : RZ_OTHERREG;
}

static bool
is_reg64 (const ZydisDecodedOperand *op)
{
  return op->type == ZYDIS_OPERAND_TYPE_REGISTER
         && ZydisRegisterGetClass (op->reg.value) == ZYDIS_REGCLASS_GPR64;
}

/* Instructions whose memory size depends on more than the encoding.  */
static bool
variable_size (ZydisMnemonic m)
{
  switch (m)
    {
    case ZYDIS_MNEMONIC_XSAVE: case ZYDIS_MNEMONIC_XSAVE64:
    case ZYDIS_MNEMONIC_XSAVEC: case ZYDIS_MNEMONIC_XSAVEC64:
    case ZYDIS_MNEMONIC_XSAVEOPT: case ZYDIS_MNEMONIC_XSAVEOPT64:
    case ZYDIS_MNEMONIC_XSAVES: case ZYDIS_MNEMONIC_XSAVES64:
    case ZYDIS_MNEMONIC_XRSTOR: case ZYDIS_MNEMONIC_XRSTOR64:
    case ZYDIS_MNEMONIC_XRSTORS: case ZYDIS_MNEMONIC_XRSTORS64:
      return true;
    default:
      return false;
    }
}

static void
resolve_branch (const struct rz_input *in, struct rz_insn *out,
                const ZydisDecodedInstruction *zi, const ZydisDecodedOperand *op)
{
  ZyanU64 t = 0;
  ZydisCalcAbsoluteAddress (zi, op, out->addr, &t);
  out->target = t;
  /* In an object the displacement is a placeholder: the relocation at it
     names the target.  */
  const struct rz_reloc *r = rz_reloc_in (in, out->addr, out->addr + out->len);
  if (r == NULL)
    return;
  const struct rz_sym *s = r->sym ? &in->syms[r->sym] : NULL;
  if (s == NULL)
    return;
  if (!s->defined)
    {
      out->target_ext = true;
      out->target_name = s->name;
      out->target = 0;
      return;
    }
  out->target = s->addr + r->addend - r->where + out->addr + out->len;
  if (s->type != STT_SECTION)
    out->target_name = s->name;
}

bool
rz_decode (struct rz_decoder *d, const struct rz_input *in, uint64_t addr,
           struct rz_insn *out)
{
  memset (out, 0, sizeof *out);
  out->addr = addr;
  out->dst = out->src = RZ_NOREG;
  const struct rz_section *sec = rz_find_section (in, addr);
  if (sec == NULL)
    return false;
  ZydisDecodedInstruction zi;
  ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
  uint64_t off = addr - sec->addr;
  if (!ZYAN_SUCCESS (ZydisDecoderDecodeFull (&d->dec, sec->data + off,
                                             sec->size - off, &zi, ops)))
    {
      out->op = RZ_OP_BAD;
      out->len = 1;
      return true;
    }
  out->len = zi.length;
  out->mnem = zi.mnemonic;
  out->zf_reg = RZ_NOREG;
  if (zi.cpu_flags)
    {
      const ZydisAccessedFlags *cf = zi.cpu_flags;
      out->writes_zf = (cf->modified | cf->set_0 | cf->set_1 | cf->undefined)
                       & ZYDIS_CPUFLAG_ZF;
    }
  if (zi.mnemonic == ZYDIS_MNEMONIC_TEST && zi.operand_count_visible == 2
      && ops[0].type == ZYDIS_OPERAND_TYPE_REGISTER
      && ops[1].type == ZYDIS_OPERAND_TYPE_REGISTER
      && ops[0].reg.value == ops[1].reg.value && gpr (ops[0].reg.value) >= 0
      && (ops[0].size == 32 || ops[0].size == 64))
    {
      out->zf_reg = gpr (ops[0].reg.value);
      out->zf_bits = ops[0].size;
    }

  bool rsp_read = false, rsp_write = false, rsp_hidden_mem = false;
  bool rsp_written_narrow = false;
  int imm_op = -1, nexpl_reg = 0;
  for (int i = 0; i < zi.operand_count; i++)
    {
      const ZydisDecodedOperand *op = &ops[i];
      bool rd = op->actions & ZYDIS_OPERAND_ACTION_MASK_READ;
      bool wr = op->actions & ZYDIS_OPERAND_ACTION_MASK_WRITE;
      switch (op->type)
        {
        case ZYDIS_OPERAND_TYPE_REGISTER:
          {
            int g = gpr (op->reg.value);
            if (g < 0)
              break;
            if (op->visibility == ZYDIS_OPERAND_VISIBILITY_EXPLICIT)
              nexpl_reg++;
            if (rd)
              out->regs_read |= 1u << g;
            if (wr)
              {
                out->regs_write |= 1u << g;
                if (op->size < 32)
                  out->regs_partial |= 1u << g;
              }
            if (g == RZ_RSP)
              {
                rsp_read |= rd;
                rsp_write |= wr;
                if (wr && !is_reg64 (op))
                  rsp_written_narrow = true;
              }
          }
          break;
        case ZYDIS_OPERAND_TYPE_MEMORY:
          {
            struct rz_mem m;
            m.base = addr_reg (op->mem.base);
            m.index = addr_reg (op->mem.index);
            m.scale = op->mem.scale;
            m.disp = op->mem.disp.has_displacement ? op->mem.disp.value : 0;
            m.size = op->size / 8;
            m.flags = 0;
            if (op->mem.segment == ZYDIS_REGISTER_FS
                || op->mem.segment == ZYDIS_REGISTER_GS)
              m.flags |= RZ_MEM_SEG;
            if (op->mem.type == ZYDIS_MEMOP_TYPE_AGEN)
              {
                out->agen = m;
                break;
              }
            if (op->mem.type == ZYDIS_MEMOP_TYPE_VSIB)
              m.flags |= RZ_MEM_VSIB;
            if (op->visibility != ZYDIS_OPERAND_VISIBILITY_EXPLICIT
                && m.base == RZ_RSP)
              {
                rsp_hidden_mem = true;
                break;
              }
            if (rd)
              m.flags |= RZ_MEM_READ;
            if (wr)
              m.flags |= RZ_MEM_WRITE;
            if (!(m.flags & (RZ_MEM_READ | RZ_MEM_WRITE)))
              break;
            bool rep = zi.attributes & (ZYDIS_ATTRIB_HAS_REP | ZYDIS_ATTRIB_HAS_REPE
                                        | ZYDIS_ATTRIB_HAS_REPNE);
            if (rep && zi.meta.category == ZYDIS_CATEGORY_STRINGOP && m.size != 0
                && zi.address_width == 64)
              m.flags |= RZ_MEM_REP;
            else if (rep || variable_size (zi.mnemonic) || m.size == 0)
              m.flags |= RZ_MEM_VARIABLE;
            out->mem_read |= rd;
            out->mem_write |= wr;
            if (out->nmem < RZ_MAX_MEM)
              out->mem[out->nmem++] = m;
            else
              out->op = RZ_OP_RSP_OTHER;
          }
          break;
        case ZYDIS_OPERAND_TYPE_IMMEDIATE:
          if (imm_op < 0)
            {
              imm_op = i;
              out->imm = op->imm.value.s;
            }
          break;
        default:
          break;
        }
    }
  if (out->op == RZ_OP_RSP_OTHER)
    return true;

  /* lock add $0 (or, sub, xor $0; and $-1) leaves memory as it was, in
     one atomic step: a full fence (Linux's smp_mb() at -4(%rsp)), which
     neither keeps nor reads data, so no frame byte is accessed.  */
  if ((zi.attributes & ZYDIS_ATTRIB_HAS_LOCK) && out->nmem == 1 && imm_op >= 0
      && ((out->imm == 0 && (zi.mnemonic == ZYDIS_MNEMONIC_ADD
                             || zi.mnemonic == ZYDIS_MNEMONIC_OR
                             || zi.mnemonic == ZYDIS_MNEMONIC_SUB
                             || zi.mnemonic == ZYDIS_MNEMONIC_XOR))
          || (out->imm == -1 && zi.mnemonic == ZYDIS_MNEMONIC_AND)))
    {
      out->nmem = 0;
      out->mem_read = out->mem_write = false;
    }

  const ZydisDecodedOperand *o0 = &ops[0], *o1 = &ops[1];
  bool expl2 = zi.operand_count_visible >= 2;
  switch (zi.mnemonic)
    {
    case ZYDIS_MNEMONIC_NOP:
    case ZYDIS_MNEMONIC_PAUSE:
    case ZYDIS_MNEMONIC_ENDBR64:
    case ZYDIS_MNEMONIC_LFENCE:
    case ZYDIS_MNEMONIC_PREFETCHT0: case ZYDIS_MNEMONIC_PREFETCHT1:
    case ZYDIS_MNEMONIC_PREFETCHT2: case ZYDIS_MNEMONIC_PREFETCHNTA:
    case ZYDIS_MNEMONIC_PREFETCHW:
      out->op = RZ_OP_NOP;
      out->nmem = 0;
      return true;
    case ZYDIS_MNEMONIC_INT3:
    case ZYDIS_MNEMONIC_UD2:
    case ZYDIS_MNEMONIC_UD0:
    case ZYDIS_MNEMONIC_UD1:
      out->op = RZ_OP_END;
      out->nmem = 0;
      return true;
    case ZYDIS_MNEMONIC_HLT:
      out->op = RZ_OP_HLT;
      return true;
    case ZYDIS_MNEMONIC_PUSH:
    case ZYDIS_MNEMONIC_PUSHFQ:
      out->op = RZ_OP_PUSH;
      out->imm = zi.operand_width / 8;
      out->regs_read &= ~(1u << RZ_RSP);
      /* The register pushed is push's explicit operand; pushf's first
         operand is the hidden %rsp, whose value it does not store.  */
      if (zi.mnemonic == ZYDIS_MNEMONIC_PUSH
          && o0->visibility == ZYDIS_OPERAND_VISIBILITY_EXPLICIT
          && o0->type == ZYDIS_OPERAND_TYPE_REGISTER && gpr (o0->reg.value) >= 0)
        out->src = gpr (o0->reg.value);   /* push %rsp stores a stack address */
      return true;
    case ZYDIS_MNEMONIC_POP:
    case ZYDIS_MNEMONIC_POPFQ:
      out->imm = zi.operand_width / 8;
      if (zi.mnemonic == ZYDIS_MNEMONIC_POP && o0->type == ZYDIS_OPERAND_TYPE_MEMORY)
        {
          /* Its address is computed after %rsp moves.  */
          out->op = out->mem[0].base == RZ_RSP || out->mem[0].index == RZ_RSP
                    ? RZ_OP_RSP_OTHER : RZ_OP_POP_MEM;
          return true;
        }
      if (zi.mnemonic == ZYDIS_MNEMONIC_POP && gpr (o0->reg.value) == RZ_RSP)
        {
          out->op = RZ_OP_RSP_UNKNOWN;
          return true;
        }
      out->op = RZ_OP_POP;
      out->regs_write &= ~(1u << RZ_RSP);
      if (zi.mnemonic == ZYDIS_MNEMONIC_POP)
        out->dst = gpr (o0->reg.value);
      return true;
    case ZYDIS_MNEMONIC_CALL:
      if (zi.meta.branch_type == ZYDIS_BRANCH_TYPE_FAR)
        break;
      if (o0->type == ZYDIS_OPERAND_TYPE_IMMEDIATE)
        {
          out->op = RZ_OP_CALL;
          resolve_branch (in, out, &zi, o0);
        }
      else
        out->op = RZ_OP_CALL_IND;
      out->regs_read &= ~(1u << RZ_RSP);
      return true;
    case ZYDIS_MNEMONIC_RET:
      if (zi.meta.branch_type == ZYDIS_BRANCH_TYPE_FAR)
        break;
      out->op = RZ_OP_RET;
      out->imm = imm_op >= 0 ? (int64_t) ops[imm_op].imm.value.u : 0;
      return true;
    case ZYDIS_MNEMONIC_LEAVE:
      out->op = RZ_OP_LEAVE;
      return true;
    case ZYDIS_MNEMONIC_JMP:
      if (zi.meta.branch_type == ZYDIS_BRANCH_TYPE_FAR)
        break;
      if (o0->type == ZYDIS_OPERAND_TYPE_IMMEDIATE)
        {
          out->op = RZ_OP_JMP;
          resolve_branch (in, out, &zi, o0);
        }
      else
        out->op = RZ_OP_JMP_IND;
      return true;
    default:
      if (zi.meta.category == ZYDIS_CATEGORY_COND_BR)
        {
          out->op = RZ_OP_JCC;
          resolve_branch (in, out, &zi, o0);
          return true;
        }
      break;
    }

  switch (zi.meta.category)
    {
    case ZYDIS_CATEGORY_CALL:
    case ZYDIS_CATEGORY_RET:
    case ZYDIS_CATEGORY_UNCOND_BR:
    case ZYDIS_CATEGORY_SYSCALL:
    case ZYDIS_CATEGORY_SYSRET:
    case ZYDIS_CATEGORY_INTERRUPT:
    case ZYDIS_CATEGORY_SYSTEM:
      if (zi.meta.category != ZYDIS_CATEGORY_SYSTEM
          || rsp_read || rsp_write || rsp_hidden_mem
          || zi.mnemonic == ZYDIS_MNEMONIC_IRETQ
          || zi.mnemonic == ZYDIS_MNEMONIC_IRETD
          || zi.mnemonic == ZYDIS_MNEMONIC_IRET)
        {
          out->op = RZ_OP_CONTROL;
          return true;
        }
      break;
    default:
      break;
    }
  if (zi.mnemonic == ZYDIS_MNEMONIC_ENTER)
    {
      out->op = RZ_OP_CONTROL;
      return true;
    }
  if (zi.mnemonic == ZYDIS_MNEMONIC_STD)
    {
      out->op = RZ_OP_STD;
      return true;
    }

  /* Writes to %rsp: the allow-list.  */
  if (rsp_write || rsp_hidden_mem)
    {
      out->op = RZ_OP_RSP_UNKNOWN;
      if (rsp_written_narrow || rsp_hidden_mem || !is_reg64 (o0)
          || gpr (o0->reg.value) != RZ_RSP || !expl2)
        return true;
      switch (zi.mnemonic)
        {
        case ZYDIS_MNEMONIC_ADD:
        case ZYDIS_MNEMONIC_SUB:
          if (o1->type == ZYDIS_OPERAND_TYPE_IMMEDIATE)
            {
              out->op = RZ_OP_RSP_ADD;
              out->imm = zi.mnemonic == ZYDIS_MNEMONIC_SUB ? -o1->imm.value.s
                                                           : o1->imm.value.s;
            }
          else if (is_reg64 (o1) && gpr (o1->reg.value) != RZ_RSP)
            {
              out->op = RZ_OP_RSP_ADD_REG;
              out->src = gpr (o1->reg.value);
              out->imm = zi.mnemonic == ZYDIS_MNEMONIC_SUB ? -1 : 1;
            }
          break;
        case ZYDIS_MNEMONIC_MOV:
          if (is_reg64 (o1))
            {
              out->op = RZ_OP_RSP_MOV;
              out->src = gpr (o1->reg.value);
            }
          break;
        case ZYDIS_MNEMONIC_LEA:
          out->op = RZ_OP_RSP_LEA;
          break;
        default:
          break;
        }
      return true;
    }

  /* Reads of %rsp as a value.  */
  if (rsp_read)
    {
      if (zi.mnemonic == ZYDIS_MNEMONIC_MOV && expl2 && is_reg64 (o1)
          && gpr (o1->reg.value) == RZ_RSP)
        {
          if (is_reg64 (o0))
            {
              out->op = RZ_OP_MOV_RR;
              out->dst = gpr (o0->reg.value);
              out->src = RZ_RSP;
            }
          /* mov %rsp,mem: a store, handled by the generic rule.  */
          return true;
        }
      out->op = RZ_OP_RSP_OTHER;
      return true;
    }

  /* A 64-bit cmov stays GENERIC, with its registers named for the join
     the analysis makes of them.  */
  if (zi.mnemonic >= ZYDIS_MNEMONIC_CMOVB && zi.mnemonic <= ZYDIS_MNEMONIC_CMOVZ
      && expl2 && is_reg64 (o0) && is_reg64 (o1))
    {
      out->dst = gpr (o0->reg.value);
      out->src = gpr (o1->reg.value);
    }

  switch (zi.mnemonic)
    {
    case ZYDIS_MNEMONIC_MOV:
      if (!expl2)
        break;
      if (is_reg64 (o0) && is_reg64 (o1))
        {
          out->op = RZ_OP_MOV_RR;
          out->dst = gpr (o0->reg.value);
          out->src = gpr (o1->reg.value);
        }
      else if (o0->type == ZYDIS_OPERAND_TYPE_REGISTER
               && gpr (o0->reg.value) >= 0
               && o1->type == ZYDIS_OPERAND_TYPE_IMMEDIATE && o0->size >= 32)
        {
          out->op = RZ_OP_MOV_RI;
          out->dst = gpr (o0->reg.value);
          out->imm = o0->size == 32 ? (int64_t) (uint32_t) o1->imm.value.u
                                    : o1->imm.value.s;
        }
      else if (o0->type == ZYDIS_OPERAND_TYPE_REGISTER
               && gpr (o0->reg.value) >= 0 && o0->size >= 32
               && o1->type == ZYDIS_OPERAND_TYPE_MEMORY)
        {
          out->op = RZ_OP_LOAD;
          out->dst = gpr (o0->reg.value);
        }
      break;
    case ZYDIS_MNEMONIC_XOR:
    case ZYDIS_MNEMONIC_SUB:
      if (expl2 && o0->type == ZYDIS_OPERAND_TYPE_REGISTER
          && o1->type == ZYDIS_OPERAND_TYPE_REGISTER
          && o0->reg.value == o1->reg.value && o0->size >= 32
          && gpr (o0->reg.value) >= 0)
        {
          out->op = RZ_OP_ZERO;
          out->dst = gpr (o0->reg.value);
          break;
        }
      /* fall through */
    case ZYDIS_MNEMONIC_ADD:
      if (zi.mnemonic == ZYDIS_MNEMONIC_XOR || !expl2 || !is_reg64 (o0))
        break;
      if (o1->type == ZYDIS_OPERAND_TYPE_IMMEDIATE)
        {
          out->op = RZ_OP_ADD_RI;
          out->dst = gpr (o0->reg.value);
          out->imm = zi.mnemonic == ZYDIS_MNEMONIC_SUB ? -o1->imm.value.s
                                                       : o1->imm.value.s;
        }
      else if (is_reg64 (o1))
        {
          out->op = zi.mnemonic == ZYDIS_MNEMONIC_SUB ? RZ_OP_SUB_RR
                                                      : RZ_OP_ADD_RR;
          out->dst = gpr (o0->reg.value);
          out->src = gpr (o1->reg.value);
        }
      break;
    case ZYDIS_MNEMONIC_LEA:
      if (is_reg64 (o0))
        {
          out->op = RZ_OP_LEA;
          out->dst = gpr (o0->reg.value);
        }
      break;
    default:
      break;
    }
  (void) nexpl_reg;
  return true;
}

/* AT&T text of the instruction at ADDR, addresses as objdump prints them
   (section offsets in a relocatable file).  */
void
rz_format (struct rz_decoder *d, const struct rz_input *in, uint64_t addr,
           char *buf, size_t len)
{
  const struct rz_section *sec = rz_find_section (in, addr);
  ZydisDecodedInstruction zi;
  ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
  snprintf (buf, len, "(bad)");
  if (sec == NULL
      || !ZYAN_SUCCESS (ZydisDecoderDecodeFull (&d->dec, sec->data + (addr - sec->addr),
                                                sec->size - (addr - sec->addr),
                                                &zi, ops)))
    return;
  uint64_t shown = in->is_rel ? addr - sec->addr : addr;
  ZydisFormatterFormatInstruction (&d->fmt, &zi, ops, zi.operand_count_visible,
                                   buf, len, shown, NULL);
  /* A branch through a relocation: name its symbol, as objdump -dr
     would next to the placeholder.  */
  struct rz_insn ri;
  if (rz_decode (d, in, addr, &ri) && ri.target_name
      && (ri.op == RZ_OP_CALL || ri.op == RZ_OP_JMP || ri.op == RZ_OP_JCC))
    {
      size_t l = strlen (buf);
      char *sp = strchr (buf, ' ');
      if (sp)
        snprintf (sp + 1, len - (sp + 1 - buf), "%s", ri.target_name);
      (void) l;
    }
}
