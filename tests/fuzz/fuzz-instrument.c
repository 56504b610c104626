/* fuzz-instrument.c — libFuzzer target: the instrument loader on any bytes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, the loader returns an instrument or an error, never
 * crashes, never leaks (AddressSanitizer watches). Seeds: tests/fuzz/corpus/instrument. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "cirt-instrument.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_data ((const char *) data, (gssize) size, "fuzz", &error);

  g_assert ((inst == NULL) != (error == NULL));
  return 0;
}
