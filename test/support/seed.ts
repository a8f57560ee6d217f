/**
 * A few people, agencies and roles of the pardis working group written straight to a test
 * database, for tests of the foundation that must not depend on the importer.
 */
import { openDatabase } from "../../src/db/client.js";

const AGENCIES = [
  { code: "tavon", name: "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس" },
  { code: "smt", name: "اداره صنعت، معدن و تجارت شهرستان پردیس" },
  { code: "bank-melli", name: "بانک ملی ایران، شعبه مرکزی پردیس" },
];

const PEOPLE: { name: string; phone: string; gender?: string; roles: { role: string; agency?: string; committee?: boolean }[] }[] = [
  // As in fixtures/pardis.yaml: the file gives these two a gender, and nobody else.
  { name: "رضا کریمی", phone: "+989121000001", gender: "male", roles: [{ role: "governorate", committee: true }] },
  { name: "مریم احمدی", phone: "+989121000002", gender: "female", roles: [{ role: "secretariat", committee: true }] },
  { name: "علی رضایی", phone: "+989121000003", roles: [{ role: "head", agency: "tavon" }] },
  { name: "زهرا موسوی", phone: "+989121000004", roles: [{ role: "liaison", agency: "tavon" }] },
  {
    name: "حسین نوری",
    phone: "+989121000005",
    roles: [
      { role: "head", agency: "smt" },
      { role: "liaison", agency: "smt" },
    ],
  },
  { name: "سعید قاسمی", phone: "+989121000008", roles: [{ role: "head", agency: "bank-melli" }] },
];

export async function seedPeople(url: string): Promise<void> {
  const { prisma, close } = await openDatabase(url);
  try {
    const committee = await prisma.committee.create({
      data: {
        code: "pardis-employment",
        name: "کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس",
        calendar: { thursday: "off", officeHours: { start: "08:00", end: "14:00" } },
      },
    });
    const agencyIds = new Map<string, number>();
    for (const a of AGENCIES) {
      const agency = await prisma.agency.create({ data: { ...a, committees: { create: { committeeId: committee.id } } } });
      agencyIds.set(a.code, agency.id);
    }
    for (const p of PEOPLE) {
      const person = await prisma.person.create({ data: { name: p.name, phone: p.phone, gender: p.gender ?? null } });
      for (const r of p.roles) {
        const agencyId = r.agency ? agencyIds.get(r.agency)! : null;
        await prisma.membership.create({
          data: {
            personId: person.id,
            role: r.role,
            agencyId,
            committeeId: r.committee ? committee.id : null,
            scopeKey: agencyId ? `agency:${agencyId}` : `committee:${committee.id}`,
          },
        });
      }
    }
  } finally {
    await close();
  }
}
