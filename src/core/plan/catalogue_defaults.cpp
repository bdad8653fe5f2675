#include "core/plan/catalogue_defaults.h"

namespace chipao {

const std::vector<CatalogueEntry>& default_catalogue() {
  // Costs are orders of magnitude a district office would budget per household; they are
  // placeholders the planner replaces with the agency's own figure.
  static const std::vector<CatalogueEntry> entries = {
      {"health-screening", "ตรวจคัดกรองสุขภาพ", "Health screening", DimensionId::health,
       "สำนักงานสาธารณสุขอำเภอ (สสอ.)", "District Public Health Office", 500},
      {"health-caregiver", "ผู้ดูแลผู้สูงอายุและผู้ป่วยติดเตียง (Care Giver)",
       "Caregiver visits for the elderly and bedridden", DimensionId::health,
       "สำนักงานสาธารณสุขอำเภอ (สสอ.)", "District Public Health Office", 3000},
      {"living-home-repair", "ซ่อมแซมบ้านผู้มีรายได้น้อย", "Home repair", DimensionId::living,
       "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด (พมจ.)",
       "Provincial Social Development and Human Security Office", 20000},
      {"living-water-tank", "ถังเก็บน้ำฝน", "Rainwater tank", DimensionId::living,
       "องค์กรปกครองส่วนท้องถิ่น (อปท.)", "Local administrative organisation", 4500},
      {"education-scholarship", "ทุนการศึกษา", "Scholarship and education support",
       DimensionId::education, "สำนักงานศึกษาธิการจังหวัด", "Provincial Education Office", 4000},
      {"income-occupation-training", "ฝึกอบรมอาชีพ", "Occupation training", DimensionId::income,
       "สำนักงานแรงงานจังหวัด", "Provincial Labour Office", 3000},
      {"income-community-enterprise", "ทุนกลุ่มอาชีพ/วิสาหกิจชุมชน",
       "Seed capital for an occupation group", DimensionId::income, "สำนักงานพัฒนาชุมชนอำเภอ",
       "District Community Development Office", 5000},
      {"access-id-welfare", "ทำบัตรประชาชนและลงทะเบียนสวัสดิการแห่งรัฐ",
       "ID card and state welfare registration", DimensionId::access, "ที่ว่าการอำเภอ",
       "District Office", 100},
  };
  return entries;
}

}  // namespace chipao
