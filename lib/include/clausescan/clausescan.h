// The one header to include: #include <clausescan/clausescan.h>
#ifndef CLAUSESCAN_CLAUSESCAN_H_
#define CLAUSESCAN_CLAUSESCAN_H_

#include "clausescan/baseline.h"
#include "clausescan/date.h"
#include "clausescan/evidence.h"
#include "clausescan/judgement.h"
#include "clausescan/pack.h"
#include "clausescan/printers.h"
#include "clausescan/profile.h"
#include "clausescan/report.h"
#include "clausescan/result.h"
#include "clausescan/rules.h"
#include "clausescan/scanner.h"

#endif  // CLAUSESCAN_CLAUSESCAN_H_
