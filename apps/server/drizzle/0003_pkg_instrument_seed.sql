-- Official instruments as reference data (no tenant): PKG 2009 guru kelas/mapel and the PMM 2024
-- observation focus. Written once (indicator wording copied mechanically from the reference); never edit
-- after it lands: a change is a new instrument version.
-- Wording: shared/reference/domain-indonesia.md §1.3 (PKG) and §2.2 (PMM). Ids are UUID v5 of
-- 'instrument:<code>@<version>[/…]' so every installation has the same ids.
-- Focus tags and their reasons: docs/assessment-focus-mapping.md.
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON instruments FROM tumbuh_app;
--> statement-breakpoint
GRANT SELECT ON instruments TO tumbuh_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON instrument_domains FROM tumbuh_app;
--> statement-breakpoint
GRANT SELECT ON instrument_domains TO tumbuh_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON instrument_competencies FROM tumbuh_app;
--> statement-breakpoint
GRANT SELECT ON instrument_competencies TO tumbuh_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON instrument_indicators FROM tumbuh_app;
--> statement-breakpoint
GRANT SELECT ON instrument_indicators TO tumbuh_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON focus_dimensions FROM tumbuh_app;
--> statement-breakpoint
GRANT SELECT ON focus_dimensions TO tumbuh_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON instrument_indicator_focus FROM tumbuh_app;
--> statement-breakpoint
GRANT SELECT ON instrument_indicator_focus TO tumbuh_app;
--> statement-breakpoint
INSERT INTO focus_dimensions (code, name, description, sort_order) VALUES
  ('proses-pembelajaran', 'Proses pembelajaran', 'Perencanaan, pelaksanaan dan penilaian pembelajaran: metode, aktivitas, media, pertanyaan, umpan balik.', 1),
  ('pengelolaan-kelas', 'Pengelolaan kelas', 'Mengatur kelas, waktu, perhatian dan partisipasi peserta didik; suasana kelas yang teratur dan adil.', 2),
  ('penanganan-masalah', 'Penanganan masalah', 'Mengenali dan menangani masalah perilaku, kesulitan belajar dan peserta didik yang tersisih.', 3);
--> statement-breakpoint
INSERT INTO instruments (id, code, version, title, kind, scoring_method, source, scale, status, published_at) VALUES
  ('7151cce3-f436-50f7-98a6-ce6d9d73882c', 'pkg-2009-guru-mapel', 1, 'Penilaian Kinerja Guru (PK Guru) kelas / mata pelajaran', 'pkg', 'pkg-2009',
   'Permenneg PAN dan RB No. 16 Tahun 2009 (Jabatan Fungsional Guru dan Angka Kreditnya); Permendiknas No. 35 Tahun 2010; Pedoman Pelaksanaan Penilaian Kinerja Guru (PK Guru), Buku 2, Kemendiknas Ditjen PMPTK 2010, Lampiran 1 (instrumen PK guru pembelajaran); 14 kompetensi dari Permendiknas No. 16 Tahun 2007. Rumusan indikator disalin dari instrumen yang beredar (K1, K2 dan K4.1–4.3 dicek terhadap Instrumen PKG 2022 dan salindia Pusbangprodik). Juknis PKG Madrasah (Kemenag 1843/2021) memakai dasar yang sama.',
   '{"levels":[{"value":0,"label":"Tidak ada bukti (tidak terpenuhi)","description":"Indikator tidak dilaksanakan atau tidak menunjukkan bukti."},{"value":1,"label":"Terpenuhi sebagian","description":"Indikator dilaksanakan sebagian atau ada bukti tetapi tidak lengkap."},{"value":2,"label":"Seluruhnya terpenuhi","description":"Indikator dilaksanakan sepenuhnya dan ada bukti yang lengkap."}]}'::jsonb, 'published', now());
--> statement-breakpoint
INSERT INTO instrument_domains (id, instrument_id, code, name, sort_order) VALUES
  ('e4db02cb-af3e-5e9a-84a3-f0ae1f155c20', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'pedagogik', 'Pedagogik', 1),
  ('1f882060-7560-5cf0-95e3-21c0f0733eb6', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'kepribadian', 'Kepribadian', 2),
  ('7154688e-3199-5724-b070-758e8360e021', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'sosial', 'Sosial', 3),
  ('6347ddf9-266b-5aeb-baba-306528c33f26', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'profesional', 'Profesional', 4);
--> statement-breakpoint
INSERT INTO instrument_competencies (id, instrument_id, domain_id, number, name, sort_order) VALUES
  ('eb59660c-379a-5aea-836f-3f8f3dc896bc', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'e4db02cb-af3e-5e9a-84a3-f0ae1f155c20', 1, 'Mengenal karakteristik peserta didik', 1),
  ('96a75ba1-b16e-59be-af78-cb649b30cd81', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'e4db02cb-af3e-5e9a-84a3-f0ae1f155c20', 2, 'Menguasai teori belajar dan prinsip-prinsip pembelajaran yang mendidik', 2),
  ('4a4cabb7-2f01-554c-a34c-d2e9c6dc6a5b', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'e4db02cb-af3e-5e9a-84a3-f0ae1f155c20', 3, 'Pengembangan kurikulum', 3),
  ('321a4820-bec8-5838-89ee-220625da6e1f', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'e4db02cb-af3e-5e9a-84a3-f0ae1f155c20', 4, 'Kegiatan pembelajaran yang mendidik', 4),
  ('bc07378e-186f-5442-b50e-d466d59176c1', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'e4db02cb-af3e-5e9a-84a3-f0ae1f155c20', 5, 'Pengembangan potensi peserta didik', 5),
  ('d760cd4f-59fb-5fad-901e-e64ff578b1c1', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'e4db02cb-af3e-5e9a-84a3-f0ae1f155c20', 6, 'Komunikasi dengan peserta didik', 6),
  ('8808c9c5-367e-54b2-a619-0996035ac504', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'e4db02cb-af3e-5e9a-84a3-f0ae1f155c20', 7, 'Penilaian dan evaluasi', 7),
  ('a12b04c8-b179-5fe2-9451-036739231679', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '1f882060-7560-5cf0-95e3-21c0f0733eb6', 8, 'Bertindak sesuai dengan norma agama, hukum, sosial dan kebudayaan nasional Indonesia', 8),
  ('48e9e2ca-23e4-5da2-b37e-9821bf46ac98', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '1f882060-7560-5cf0-95e3-21c0f0733eb6', 9, 'Menunjukkan pribadi yang dewasa dan teladan', 9),
  ('4675e919-ca84-536a-ad0d-98f79cce672b', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '1f882060-7560-5cf0-95e3-21c0f0733eb6', 10, 'Etos kerja, tanggung jawab yang tinggi, dan rasa bangga menjadi guru', 10),
  ('2a3bdbe0-fc20-5b5c-ab63-ed017952c0cf', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '7154688e-3199-5724-b070-758e8360e021', 11, 'Bersikap inklusif, bertindak obyektif, serta tidak diskriminatif', 11),
  ('b359717c-629b-5af0-a74b-9d1b57af4f26', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '7154688e-3199-5724-b070-758e8360e021', 12, 'Komunikasi dengan sesama guru, tenaga kependidikan, orang tua peserta didik, dan masyarakat', 12),
  ('3395aabe-227e-5217-bff5-a701cc5ccbf0', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '6347ddf9-266b-5aeb-baba-306528c33f26', 13, 'Penguasaan materi, struktur, konsep dan pola pikir keilmuan yang mendukung mata pelajaran yang diampu', 13),
  ('6bda7255-65b0-523a-a585-4ed61cb1d43c', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '6347ddf9-266b-5aeb-baba-306528c33f26', 14, 'Mengembangkan keprofesian melalui tindakan reflektif', 14);
--> statement-breakpoint
INSERT INTO instrument_indicators (id, instrument_id, competency_id, number, text, sort_order) VALUES
  ('4ed3aa0d-abd0-5d0f-b228-c7105ff475d6', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'eb59660c-379a-5aea-836f-3f8f3dc896bc', 1, 'Guru dapat mengidentifikasi karakteristik belajar setiap peserta didik di kelasnya.', 1),
  ('396f3931-13a2-5533-841e-87b113ad3ef5', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'eb59660c-379a-5aea-836f-3f8f3dc896bc', 2, 'Guru memastikan bahwa semua peserta didik mendapatkan kesempatan yang sama untuk berpartisipasi aktif dalam kegiatan pembelajaran.', 2),
  ('35ef0a38-91fc-5fc5-b701-19545267eede', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'eb59660c-379a-5aea-836f-3f8f3dc896bc', 3, 'Guru dapat mengatur kelas untuk memberikan kesempatan belajar yang sama pada semua peserta didik dengan kelainan fisik dan kemampuan belajar yang berbeda.', 3),
  ('8a4702f7-fd84-5781-9b66-ad596906f113', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'eb59660c-379a-5aea-836f-3f8f3dc896bc', 4, 'Guru mencoba mengetahui penyebab penyimpangan perilaku peserta didik untuk mencegah agar perilaku tersebut tidak merugikan peserta didik lainnya.', 4),
  ('75e42aae-902c-5d6c-a082-d2138866586a', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'eb59660c-379a-5aea-836f-3f8f3dc896bc', 5, 'Guru membantu mengembangkan potensi dan mengatasi kekurangan peserta didik.', 5),
  ('696cde41-26b5-5d41-9fc8-46ba065cc20f', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'eb59660c-379a-5aea-836f-3f8f3dc896bc', 6, 'Guru memperhatikan peserta didik dengan kelemahan fisik tertentu agar dapat mengikuti aktivitas pembelajaran, sehingga peserta didik tersebut tidak termarginalkan (tersisihkan, diolok-olok, minder, dsb.).', 6),
  ('24f76f9e-f879-59be-b24e-016f099c05e7', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '96a75ba1-b16e-59be-af78-cb649b30cd81', 1, 'Guru memberi kesempatan kepada peserta didik untuk menguasai materi pembelajaran sesuai usia dan kemampuan belajarnya melalui pengaturan proses pembelajaran dan aktivitas yang bervariasi.', 7),
  ('00c6c210-08d4-5ef2-8f5b-0dd92e32a32c', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '96a75ba1-b16e-59be-af78-cb649b30cd81', 2, 'Guru selalu memastikan tingkat pemahaman peserta didik terhadap materi pembelajaran tertentu dan menyesuaikan aktivitas pembelajaran berikutnya berdasarkan tingkat pemahaman tersebut.', 8),
  ('ae28dc0d-00dc-5efc-8578-2371cbd22804', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '96a75ba1-b16e-59be-af78-cb649b30cd81', 3, 'Guru dapat menjelaskan alasan pelaksanaan kegiatan/aktivitas yang dilakukannya, baik yang sesuai maupun yang berbeda dengan rencana, terkait keberhasilan pembelajaran.', 9),
  ('f793f45d-5afc-5f39-aaac-7fb7991da937', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '96a75ba1-b16e-59be-af78-cb649b30cd81', 4, 'Guru menggunakan berbagai teknik untuk memotivasi kemauan belajar peserta didik.', 10),
  ('6845a982-fcea-5ea0-b255-db48cc5a05e2', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '96a75ba1-b16e-59be-af78-cb649b30cd81', 5, 'Guru merencanakan kegiatan pembelajaran yang saling terkait satu sama lain, dengan memperhatikan tujuan pembelajaran maupun proses belajar peserta didik.', 11),
  ('11f48034-4bf1-52d6-aac5-a097c9bda91a', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '96a75ba1-b16e-59be-af78-cb649b30cd81', 6, 'Guru memperhatikan respon peserta didik yang belum/kurang memahami materi pembelajaran yang diajarkan dan menggunakannya untuk memperbaiki rancangan pembelajaran berikutnya.', 12),
  ('143afc85-dcd7-5264-a6dd-8d0c38d02dfd', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4a4cabb7-2f01-554c-a34c-d2e9c6dc6a5b', 1, 'Guru dapat menyusun silabus yang sesuai dengan kurikulum.', 13),
  ('5b056897-79a6-52ce-8bf1-20d4f332f883', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4a4cabb7-2f01-554c-a34c-d2e9c6dc6a5b', 2, 'Guru merancang rencana pembelajaran yang sesuai dengan silabus untuk membahas materi ajar tertentu agar peserta didik dapat mencapai kompetensi dasar yang ditetapkan.', 14),
  ('71e03bb4-dcad-586a-bea8-9abdacc571a4', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4a4cabb7-2f01-554c-a34c-d2e9c6dc6a5b', 3, 'Guru mengikuti urutan materi pembelajaran dengan memperhatikan tujuan pembelajaran.', 15),
  ('be10f9f1-3ed1-5951-b883-6d97cff32ce0', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4a4cabb7-2f01-554c-a34c-d2e9c6dc6a5b', 4, 'Guru memilih materi pembelajaran yang: a) sesuai dengan tujuan pembelajaran, b) tepat dan mutakhir, c) sesuai dengan usia dan tingkat kemampuan belajar peserta didik, d) dapat dilaksanakan di kelas, e) sesuai dengan konteks kehidupan sehari-hari peserta didik.', 16),
  ('f43b4369-e3ca-516e-a055-7745102a6903', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 1, 'Guru melaksanakan aktivitas pembelajaran sesuai dengan rancangan yang telah disusun secara lengkap dan pelaksanaan aktivitas tersebut mengindikasikan bahwa guru mengerti tentang tujuannya.', 17),
  ('4ceb099a-fab4-5678-b38d-31916ff1bce8', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 2, 'Guru melaksanakan aktivitas pembelajaran yang bertujuan untuk membantu proses belajar peserta didik, bukan untuk menguji sehingga membuat peserta didik merasa tertekan.', 18),
  ('6fcd1507-238b-54d6-a21d-10ace51b2d7f', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 3, 'Guru mengkomunikasikan informasi baru (misalnya materi tambahan) sesuai dengan usia dan tingkat kemampuan belajar peserta didik.', 19),
  ('808dcdd9-0c51-5e48-b79b-408216b20bf0', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 4, 'Guru menyikapi kesalahan yang dilakukan peserta didik sebagai tahapan proses pembelajaran, bukan semata-mata kesalahan yang harus dikoreksi. Misalnya: dengan mengetahui terlebih dahulu peserta didik lain yang setuju/tidak setuju dengan jawaban tersebut, sebelum memberikan penjelasan tentang jawaban yang benar.', 20),
  ('b71dd965-1529-5813-a421-e6f4da0727a5', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 5, 'Guru melaksanakan kegiatan pembelajaran sesuai isi kurikulum dan mengkaitkannya dengan konteks kehidupan sehari-hari peserta didik.', 21),
  ('3a05ec66-42da-5e2a-94f5-8a0e5b49f114', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 6, 'Guru melakukan aktivitas pembelajaran secara bervariasi dengan waktu yang cukup untuk kegiatan pembelajaran yang sesuai dengan usia dan tingkat kemampuan belajar dan mempertahankan perhatian peserta didik.', 22),
  ('df31c662-e5f8-5d60-9add-ff26b21cb5d9', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 7, 'Guru mengelola kelas dengan efektif tanpa mendominasi atau sibuk dengan kegiatannya sendiri agar semua waktu peserta dapat termanfaatkan secara produktif.', 23),
  ('fad95200-02ed-5a2e-8143-f41e32006666', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 8, 'Guru mampu menyesuaikan aktivitas pembelajaran yang dirancang dengan kondisi kelas.', 24),
  ('83ab124c-ac3d-54c2-a1cf-9706344065df', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 9, 'Guru memberikan banyak kesempatan kepada peserta didik untuk bertanya, mempraktekkan dan berinteraksi dengan peserta didik lain.', 25),
  ('72ea024e-2463-596c-a309-49b875bc3274', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 10, 'Guru mengatur pelaksanaan aktivitas pembelajaran secara sistematis untuk membantu proses belajar peserta didik. Sebagai contoh: guru menambah informasi baru setelah mengevaluasi pemahaman peserta didik terhadap materi sebelumnya.', 26),
  ('9b36e290-f89e-5bcc-a056-e1d5ab0f9881', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '321a4820-bec8-5838-89ee-220625da6e1f', 11, 'Guru menggunakan alat bantu mengajar, dan/atau audio-visual (termasuk TIK) untuk meningkatkan motivasi belajar peserta didik dalam mencapai tujuan pembelajaran.', 27),
  ('f8754511-eb11-55c7-a94e-62eaf5923515', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'bc07378e-186f-5442-b50e-d466d59176c1', 1, 'Guru menganalisis hasil belajar berdasarkan segala bentuk penilaian terhadap setiap peserta didik untuk mengetahui tingkat kemajuan masing-masing.', 28),
  ('0383f9c6-05f3-588e-9495-2c09374a10c9', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'bc07378e-186f-5442-b50e-d466d59176c1', 2, 'Guru merancang dan melaksanakan aktivitas pembelajaran yang mendorong peserta didik untuk belajar sesuai dengan kecakapan dan pola belajar masing-masing.', 29),
  ('62e05236-0358-58b2-854f-3a3db771b1a0', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'bc07378e-186f-5442-b50e-d466d59176c1', 3, 'Guru merancang dan melaksanakan aktivitas pembelajaran untuk memunculkan daya kreativitas dan kemampuan berfikir kritis peserta didik.', 30),
  ('ac7f7205-42e9-512e-af96-5cb627c00f36', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'bc07378e-186f-5442-b50e-d466d59176c1', 4, 'Guru secara aktif membantu peserta didik dalam proses pembelajaran dengan memberikan perhatian kepada setiap individu.', 31),
  ('774e015b-07c7-5342-916b-4592f223429c', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'bc07378e-186f-5442-b50e-d466d59176c1', 5, 'Guru dapat mengidentifikasi dengan benar tentang bakat, minat, potensi, dan kesulitan belajar masing-masing peserta didik.', 32),
  ('0226ded3-d133-5b9f-a08f-63c40d70a683', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'bc07378e-186f-5442-b50e-d466d59176c1', 6, 'Guru memberikan kesempatan belajar kepada peserta didik sesuai dengan cara belajarnya masing-masing.', 33),
  ('b6e094f5-809e-5f96-bd4d-a182124145e3', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'bc07378e-186f-5442-b50e-d466d59176c1', 7, 'Guru memusatkan perhatian pada interaksi dengan peserta didik dan mendorongnya untuk memahami dan menggunakan informasi yang disampaikan.', 34),
  ('ae05c403-aca9-503c-bd9d-0b33d3dd27ee', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'd760cd4f-59fb-5fad-901e-e64ff578b1c1', 1, 'Guru menggunakan pertanyaan untuk mengetahui pemahaman dan menjaga partisipasi peserta didik, termasuk memberikan pertanyaan terbuka yang menuntut peserta didik untuk menjawab dengan ide dan pengetahuan mereka.', 35),
  ('bbaa86b7-b2e9-531b-9abb-b6e38b565d79', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'd760cd4f-59fb-5fad-901e-e64ff578b1c1', 2, 'Guru memberikan perhatian dan mendengarkan semua pertanyaan dan tanggapan peserta didik, tanpa menginterupsi, kecuali jika diperlukan untuk membantu atau mengklarifikasi pertanyaan/tanggapan tersebut.', 36),
  ('928db360-f23b-5568-9a04-99a7f0ed8d60', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'd760cd4f-59fb-5fad-901e-e64ff578b1c1', 3, 'Guru menanggapi pertanyaan peserta didik secara tepat, benar, dan mutakhir, sesuai tujuan pembelajaran dan isi kurikulum, tanpa mempermalukannya.', 37),
  ('68401d3e-3b0c-5da2-8e9e-95cc42143c56', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'd760cd4f-59fb-5fad-901e-e64ff578b1c1', 4, 'Guru menyajikan kegiatan pembelajaran yang dapat menumbuhkan kerja sama yang baik antar peserta didik.', 38),
  ('28bcc917-ef60-5ea4-9ad6-21d6be6ad1e2', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'd760cd4f-59fb-5fad-901e-e64ff578b1c1', 5, 'Guru mendengarkan dan memberikan perhatian terhadap semua jawaban peserta didik baik yang benar maupun yang dianggap salah untuk mengukur tingkat pemahaman peserta didik.', 39),
  ('9d3d33ca-b11e-521f-bd3a-552462f7167b', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'd760cd4f-59fb-5fad-901e-e64ff578b1c1', 6, 'Guru memberikan perhatian terhadap pertanyaan peserta didik dan meresponnya secara lengkap dan relevan untuk menghilangkan kebingungan pada peserta didik.', 40),
  ('2681112b-322c-5700-87d1-f71e7147eb32', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '8808c9c5-367e-54b2-a619-0996035ac504', 1, 'Guru menyusun alat penilaian yang sesuai dengan tujuan pembelajaran untuk mencapai kompetensi tertentu seperti yang tertulis dalam RPP.', 41),
  ('f91992d0-292e-5395-a619-f01a5f7673dc', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '8808c9c5-367e-54b2-a619-0996035ac504', 2, 'Guru melaksanakan penilaian dengan berbagai teknik dan jenis penilaian, selain penilaian formal yang dilaksanakan sekolah, dan mengumumkan hasil serta implikasinya kepada peserta didik, tentang tingkat pemahaman terhadap materi pembelajaran yang telah dan akan dipelajari.', 42),
  ('8e5d8a14-a6af-5b6e-beae-430167ce8382', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '8808c9c5-367e-54b2-a619-0996035ac504', 3, 'Guru menganalisis hasil penilaian untuk mengidentifikasi topik/kompetensi dasar yang sulit sehingga diketahui kekuatan dan kelemahan masing-masing peserta didik untuk keperluan remedial dan pengayaan.', 43),
  ('b7369885-ef3f-5343-8230-c8abd110ca40', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '8808c9c5-367e-54b2-a619-0996035ac504', 4, 'Guru memanfaatkan masukan dari peserta didik dan merefleksikannya untuk meningkatkan pembelajaran selanjutnya, dan dapat membuktikannya melalui catatan, jurnal pembelajaran, rancangan pembelajaran, materi tambahan, dan sebagainya.', 44),
  ('668f219a-a2c2-5d09-a215-ef4a2106c12b', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '8808c9c5-367e-54b2-a619-0996035ac504', 5, 'Guru memanfaatkan hasil penilaian sebagai bahan penyusunan rancangan pembelajaran yang akan dilakukan selanjutnya.', 45),
  ('e7ad7315-7838-56d5-b887-ab85cb60127f', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'a12b04c8-b179-5fe2-9451-036739231679', 1, 'Guru menghargai dan mempromosikan prinsip-prinsip Pancasila sebagai dasar ideologi dan etika bagi semua warga Indonesia.', 46),
  ('fb489774-9bdf-54f3-8d15-4b5cadd37734', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'a12b04c8-b179-5fe2-9451-036739231679', 2, 'Guru mengembangkan kerjasama dan membina kebersamaan dengan teman sejawat tanpa memperhatikan perbedaan yang ada (misalnya: suku, agama, dan gender).', 47),
  ('c9f3a972-212a-5825-9672-471820893773', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'a12b04c8-b179-5fe2-9451-036739231679', 3, 'Guru saling menghormati dan menghargai teman sejawat sesuai dengan kondisi dan keberadaan masing-masing.', 48),
  ('e53d68d5-948d-596f-bc52-bc8b840180e3', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'a12b04c8-b179-5fe2-9451-036739231679', 4, 'Guru memiliki rasa persatuan dan kesatuan sebagai bangsa Indonesia.', 49),
  ('9e9d7c09-8a4d-53b8-935f-2a876d2cf48f', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'a12b04c8-b179-5fe2-9451-036739231679', 5, 'Guru mempunyai pandangan yang luas tentang keberagaman bangsa Indonesia (misalnya: budaya, suku, agama).', 50),
  ('3645a1fb-fc4f-514a-82ad-09bad53169c7', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '48e9e2ca-23e4-5da2-b37e-9821bf46ac98', 1, 'Guru bertingkah laku sopan dalam berbicara, berpenampilan, dan berbuat terhadap semua peserta didik, orang tua, dan teman sejawat.', 51),
  ('39d2b3db-4e48-524e-83fd-20b02ccf163d', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '48e9e2ca-23e4-5da2-b37e-9821bf46ac98', 2, 'Guru mau membagi pengalamannya dengan teman sejawat, termasuk mengundang mereka untuk mengobservasi cara mengajarnya dan memberikan masukan.', 52),
  ('6d542c39-6ad0-5020-8aed-6c5a9774ca6c', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '48e9e2ca-23e4-5da2-b37e-9821bf46ac98', 3, 'Guru mampu mengelola pembelajaran yang membuktikan bahwa guru dihormati oleh peserta didik, sehingga semua peserta didik selalu memperhatikan guru dan berpartisipasi aktif dalam proses pembelajaran.', 53),
  ('cc7f86e3-1ff8-5075-be43-9720d3ec6887', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '48e9e2ca-23e4-5da2-b37e-9821bf46ac98', 4, 'Guru bersikap dewasa dalam menerima masukan dari peserta didik dan memberikan kesempatan kepada peserta didik untuk berpartisipasi dalam proses pembelajaran.', 54),
  ('25c04615-69e3-5dcc-a6da-0a07e4d929e7', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '48e9e2ca-23e4-5da2-b37e-9821bf46ac98', 5, 'Guru berperilaku baik untuk mencitrakan nama baik sekolah.', 55),
  ('d8e17011-e028-51cf-9f15-4581be37cd0f', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4675e919-ca84-536a-ad0d-98f79cce672b', 1, 'Guru mengawali dan mengakhiri pembelajaran dengan tepat waktu.', 56),
  ('e0bd3ad6-7f0c-5b6b-8a3a-91b78f3e6f5d', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4675e919-ca84-536a-ad0d-98f79cce672b', 2, 'Jika guru harus meninggalkan kelas, guru mengaktifkan siswa dengan melakukan hal-hal produktif terkait dengan mata pelajaran, dan meminta guru piket atau guru lain untuk mengawasi kelas.', 57),
  ('f5053c47-8466-51ce-87a5-a42b0c6cb2e0', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4675e919-ca84-536a-ad0d-98f79cce672b', 3, 'Guru memenuhi jam mengajar dan dapat melakukan semua kegiatan lain di luar jam mengajar berdasarkan ijin dan persetujuan pengelola sekolah.', 58),
  ('3048ae1c-2616-5656-b0da-232975d79864', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4675e919-ca84-536a-ad0d-98f79cce672b', 4, 'Guru meminta ijin dan memberitahu lebih awal, dengan memberikan alasan dan bukti yang sah jika tidak menghadiri kegiatan yang telah direncanakan, termasuk proses pembelajaran di kelas.', 59),
  ('5366ba29-0f42-5ffb-8839-70af667c1bdd', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4675e919-ca84-536a-ad0d-98f79cce672b', 5, 'Guru menyelesaikan semua tugas administratif dan non-pembelajaran dengan tepat waktu sesuai standar yang ditetapkan.', 60),
  ('77d2a43a-4f1b-560f-b21d-a111fec2bcd2', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4675e919-ca84-536a-ad0d-98f79cce672b', 6, 'Guru memanfaatkan waktu luang selain mengajar untuk kegiatan yang produktif terkait dengan tugasnya.', 61),
  ('51f613af-3764-54d8-9324-0efa8344422e', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4675e919-ca84-536a-ad0d-98f79cce672b', 7, 'Guru memberikan kontribusi terhadap pengembangan sekolah dan mempunyai prestasi yang berdampak positif terhadap nama baik sekolah.', 62),
  ('3414295b-d3bf-5567-9657-b736a00bb749', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '4675e919-ca84-536a-ad0d-98f79cce672b', 8, 'Guru merasa bangga dengan profesinya sebagai guru.', 63),
  ('077420ac-568c-5e16-9c5a-b8cac7a702df', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '2a3bdbe0-fc20-5b5c-ab63-ed017952c0cf', 1, 'Guru memperlakukan semua peserta didik secara adil, memberikan perhatian dan bantuan sesuai kebutuhan masing-masing, tanpa memperdulikan faktor personal.', 64),
  ('6c20f059-2807-5795-9851-b33f807b06af', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '2a3bdbe0-fc20-5b5c-ab63-ed017952c0cf', 2, 'Guru menjaga hubungan baik dan peduli dengan teman sejawat (bersifat inklusif), serta berkontribusi positif terhadap semua diskusi formal dan informal terkait dengan pekerjaannya.', 65),
  ('33b21926-e39c-554e-af0d-4fc13a73eaf7', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '2a3bdbe0-fc20-5b5c-ab63-ed017952c0cf', 3, 'Guru sering berinteraksi dengan peserta didik dan tidak membatasi perhatiannya hanya pada kelompok tertentu (misalnya: peserta didik yang pandai, kaya, berasal dari daerah yang sama dengan guru).', 66),
  ('2e35c08f-d207-5356-9394-389f8d8fdcc0', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'b359717c-629b-5af0-a74b-9d1b57af4f26', 1, 'Guru menyampaikan informasi tentang kemajuan, kesulitan, dan potensi peserta didik kepada orang tuanya, baik dalam pertemuan formal maupun tidak formal antara guru dan orang tua, teman sejawat, dan dapat menunjukkan buktinya.', 67),
  ('9e514770-bec2-5416-bb5b-3efd6b2a0546', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'b359717c-629b-5af0-a74b-9d1b57af4f26', 2, 'Guru ikut berperan aktif dalam kegiatan di luar pembelajaran yang diselenggarakan oleh sekolah dan masyarakat dan dapat memberikan bukti keikutsertaannya.', 68),
  ('ebdc5d4a-73d1-5dc1-8c1f-76a9febd0101', '7151cce3-f436-50f7-98a6-ce6d9d73882c', 'b359717c-629b-5af0-a74b-9d1b57af4f26', 3, 'Guru memperhatikan sekolah sebagai bagian dari masyarakat, berkomunikasi dengan masyarakat sekitar, serta berperan dalam kegiatan sosial di masyarakat.', 69),
  ('d51f3a95-0e14-5fab-a21d-e88da99aaf00', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '3395aabe-227e-5217-bff5-a701cc5ccbf0', 1, 'Guru melakukan pemetaan standar kompetensi dan kompetensi dasar untuk mata pelajaran yang diampunya, untuk mengidentifikasi materi pembelajaran yang dianggap sulit, melakukan perencanaan dan pelaksanaan pembelajaran, dan memperkirakan alokasi waktu yang diperlukan.', 70),
  ('de17f96c-3413-5396-b493-22556b2c5a9c', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '3395aabe-227e-5217-bff5-a701cc5ccbf0', 2, 'Guru menyertakan informasi yang tepat dan mutakhir di dalam perencanaan dan pelaksanaan pembelajaran.', 71),
  ('e4e4c9b5-7c61-5dd7-8d32-ac2c88a84304', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '3395aabe-227e-5217-bff5-a701cc5ccbf0', 3, 'Guru menyusun materi, perencanaan dan pelaksanaan pembelajaran yang berisi informasi yang tepat, mutakhir, dan yang membantu peserta didik untuk memahami konsep materi pembelajaran.', 72),
  ('71a18fe0-3988-5489-8900-371317c41392', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '6bda7255-65b0-523a-a585-4ed61cb1d43c', 1, 'Guru melakukan evaluasi diri secara spesifik, lengkap, dan didukung dengan contoh pengalaman diri sendiri.', 73),
  ('2f0b4ab4-adf3-55c5-927c-8a9194b402b1', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '6bda7255-65b0-523a-a585-4ed61cb1d43c', 2, 'Guru memiliki jurnal pembelajaran, catatan masukan dari kolega atau hasil penilaian proses pembelajaran sebagai bukti yang menggambarkan kinerjanya.', 74),
  ('8c0605bc-ec63-57fa-9a87-cf6c48c21a99', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '6bda7255-65b0-523a-a585-4ed61cb1d43c', 3, 'Guru memanfaatkan bukti gambaran kinerjanya untuk mengembangkan perencanaan dan pelaksanaan pembelajaran selanjutnya dalam program Pengembangan Keprofesian Berkelanjutan (PKB).', 75),
  ('2ebc5f04-9069-5455-b954-9f0ef5ce343f', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '6bda7255-65b0-523a-a585-4ed61cb1d43c', 4, 'Guru dapat mengaplikasikan pengalaman PKB dalam perencanaan, pelaksanaan, penilaian pembelajaran dan tindak lanjutnya.', 76),
  ('8557cfe4-d34b-5ed2-aaf3-e42bf2d23af5', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '6bda7255-65b0-523a-a585-4ed61cb1d43c', 5, 'Guru melakukan penelitian, mengembangkan karya inovasi, mengikuti kegiatan ilmiah (misalnya seminar, konferensi), dan aktif dalam melaksanakan PKB.', 77),
  ('e913641f-9663-593b-841e-6ba16ec9d99c', '7151cce3-f436-50f7-98a6-ce6d9d73882c', '6bda7255-65b0-523a-a585-4ed61cb1d43c', 6, 'Guru dapat memanfaatkan TIK dalam berkomunikasi dan pelaksanaan PKB.', 78);
--> statement-breakpoint
INSERT INTO instruments (id, code, version, title, kind, scoring_method, source, scale, status, published_at) VALUES
  ('9af9fe3d-514f-57e3-b8de-c0eb8252ce64', 'pmm-2024-observasi', 1, 'Observasi praktik pembelajaran (Pengelolaan Kinerja PMM, Rapor Pendidikan D.1)', 'observation', 'none',
   'Panduan Pengelolaan Kinerja untuk Pengguna: Guru, Kemendikbudristek, Desember 2023 (v1.0); Kepdirjen GTK No. 4242/B.B1/HK.03.01/2024. Rapor Pendidikan D.1 Kualitas Pembelajaran: 3 komponen (manajemen kelas, dukungan psikologis, metode pembelajaran), 8 sub-indikator dengan nomor resmi 1–8. BELUM TERVERIFIKASI: pembagian sub-indikator ke komponen (1–2 manajemen kelas, 3–5 dukungan psikologis, 6–8 metode pembelajaran) mengikuti urutan nomor resmi, belum dicocokkan dengan dokumen Rapor Pendidikan. Fokus perilaku tiap sub-indikator belum dimuat. Nilai skala hanya urutan, bukan skor.',
   '{"levels":[{"value":1,"label":"Belum dilakukan","description":"Perilaku tidak tampak selama observasi; penyebabnya didiskusikan."},{"value":2,"label":"Dilakukan tapi belum efektif","description":"Perilaku dilakukan tetapi belum berdampak pada pembelajaran."},{"value":3,"label":"Dilakukan dan efektif","description":"Perilaku dilakukan dan meningkatkan pembelajaran."}]}'::jsonb, 'published', now());
--> statement-breakpoint
INSERT INTO instrument_domains (id, instrument_id, code, name, sort_order) VALUES
  ('8b820a5d-37cc-5821-8334-d17f6a9289b3', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', 'kualitas-pembelajaran', 'D.1 Kualitas pembelajaran', 1);
--> statement-breakpoint
INSERT INTO instrument_competencies (id, instrument_id, domain_id, number, name, sort_order) VALUES
  ('365a5c15-b8c2-5de6-8264-c51169219f0d', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', '8b820a5d-37cc-5821-8334-d17f6a9289b3', 1, 'Manajemen kelas', 1),
  ('cac589b3-15dd-52f5-93d5-08325b0964da', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', '8b820a5d-37cc-5821-8334-d17f6a9289b3', 2, 'Dukungan psikologis', 2),
  ('441c8947-68e5-54cf-ab2e-77e66176f7dc', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', '8b820a5d-37cc-5821-8334-d17f6a9289b3', 3, 'Metode pembelajaran', 3);
--> statement-breakpoint
INSERT INTO instrument_indicators (id, instrument_id, competency_id, number, text, sort_order) VALUES
  ('55d60c86-5995-53e8-b050-29d5ae2dab1c', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', '365a5c15-b8c2-5de6-8264-c51169219f0d', 1, 'Keteraturan suasana kelas', 1),
  ('823aa445-8a54-516f-a12f-25a345848993', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', '365a5c15-b8c2-5de6-8264-c51169219f0d', 2, 'Penerapan disiplin positif', 2),
  ('8a9b1238-7b34-5383-a1e6-2bc7274df057', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', 'cac589b3-15dd-52f5-93d5-08325b0964da', 1, 'Umpan balik konstruktif', 3),
  ('3d7d07e7-65c9-5b08-a359-5513fb0a0bd6', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', 'cac589b3-15dd-52f5-93d5-08325b0964da', 2, 'Perhatian dan kepedulian', 4),
  ('15636256-c9c2-5bb0-8fc0-a983db046a59', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', 'cac589b3-15dd-52f5-93d5-08325b0964da', 3, 'Ekspektasi pada peserta didik', 5),
  ('f254f568-9002-5134-91d6-0f18d91b1274', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', '441c8947-68e5-54cf-ab2e-77e66176f7dc', 1, 'Aktivitas interaktif', 6),
  ('3c51a38a-900a-5327-9f9b-62750238a742', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', '441c8947-68e5-54cf-ab2e-77e66176f7dc', 2, 'Instruksi yang adaptif', 7),
  ('7b798ed1-c742-58c5-85d6-d1a9031b6b46', '9af9fe3d-514f-57e3-b8de-c0eb8252ce64', '441c8947-68e5-54cf-ab2e-77e66176f7dc', 3, 'Instruksi pembelajaran', 8);
--> statement-breakpoint
INSERT INTO instrument_indicator_focus (indicator_id, focus) VALUES
  ('4ed3aa0d-abd0-5d0f-b228-c7105ff475d6', 'proses-pembelajaran'),
  ('396f3931-13a2-5533-841e-87b113ad3ef5', 'pengelolaan-kelas'),
  ('35ef0a38-91fc-5fc5-b701-19545267eede', 'pengelolaan-kelas'),
  ('8a4702f7-fd84-5781-9b66-ad596906f113', 'penanganan-masalah'),
  ('75e42aae-902c-5d6c-a082-d2138866586a', 'penanganan-masalah'),
  ('696cde41-26b5-5d41-9fc8-46ba065cc20f', 'penanganan-masalah'),
  ('24f76f9e-f879-59be-b24e-016f099c05e7', 'proses-pembelajaran'),
  ('00c6c210-08d4-5ef2-8f5b-0dd92e32a32c', 'proses-pembelajaran'),
  ('ae28dc0d-00dc-5efc-8578-2371cbd22804', 'proses-pembelajaran'),
  ('f793f45d-5afc-5f39-aaac-7fb7991da937', 'proses-pembelajaran'),
  ('6845a982-fcea-5ea0-b255-db48cc5a05e2', 'proses-pembelajaran'),
  ('11f48034-4bf1-52d6-aac5-a097c9bda91a', 'proses-pembelajaran'),
  ('11f48034-4bf1-52d6-aac5-a097c9bda91a', 'penanganan-masalah'),
  ('143afc85-dcd7-5264-a6dd-8d0c38d02dfd', 'proses-pembelajaran'),
  ('5b056897-79a6-52ce-8bf1-20d4f332f883', 'proses-pembelajaran'),
  ('71e03bb4-dcad-586a-bea8-9abdacc571a4', 'proses-pembelajaran'),
  ('be10f9f1-3ed1-5951-b883-6d97cff32ce0', 'proses-pembelajaran'),
  ('f43b4369-e3ca-516e-a055-7745102a6903', 'proses-pembelajaran'),
  ('4ceb099a-fab4-5678-b38d-31916ff1bce8', 'proses-pembelajaran'),
  ('6fcd1507-238b-54d6-a21d-10ace51b2d7f', 'proses-pembelajaran'),
  ('808dcdd9-0c51-5e48-b79b-408216b20bf0', 'proses-pembelajaran'),
  ('808dcdd9-0c51-5e48-b79b-408216b20bf0', 'penanganan-masalah'),
  ('b71dd965-1529-5813-a421-e6f4da0727a5', 'proses-pembelajaran'),
  ('3a05ec66-42da-5e2a-94f5-8a0e5b49f114', 'proses-pembelajaran'),
  ('3a05ec66-42da-5e2a-94f5-8a0e5b49f114', 'pengelolaan-kelas'),
  ('df31c662-e5f8-5d60-9add-ff26b21cb5d9', 'pengelolaan-kelas'),
  ('fad95200-02ed-5a2e-8143-f41e32006666', 'proses-pembelajaran'),
  ('fad95200-02ed-5a2e-8143-f41e32006666', 'pengelolaan-kelas'),
  ('83ab124c-ac3d-54c2-a1cf-9706344065df', 'proses-pembelajaran'),
  ('72ea024e-2463-596c-a309-49b875bc3274', 'proses-pembelajaran'),
  ('9b36e290-f89e-5bcc-a056-e1d5ab0f9881', 'proses-pembelajaran'),
  ('f8754511-eb11-55c7-a94e-62eaf5923515', 'proses-pembelajaran'),
  ('0383f9c6-05f3-588e-9495-2c09374a10c9', 'proses-pembelajaran'),
  ('62e05236-0358-58b2-854f-3a3db771b1a0', 'proses-pembelajaran'),
  ('ac7f7205-42e9-512e-af96-5cb627c00f36', 'proses-pembelajaran'),
  ('774e015b-07c7-5342-916b-4592f223429c', 'penanganan-masalah'),
  ('0226ded3-d133-5b9f-a08f-63c40d70a683', 'proses-pembelajaran'),
  ('b6e094f5-809e-5f96-bd4d-a182124145e3', 'proses-pembelajaran'),
  ('ae05c403-aca9-503c-bd9d-0b33d3dd27ee', 'proses-pembelajaran'),
  ('bbaa86b7-b2e9-531b-9abb-b6e38b565d79', 'proses-pembelajaran'),
  ('928db360-f23b-5568-9a04-99a7f0ed8d60', 'proses-pembelajaran'),
  ('68401d3e-3b0c-5da2-8e9e-95cc42143c56', 'proses-pembelajaran'),
  ('28bcc917-ef60-5ea4-9ad6-21d6be6ad1e2', 'proses-pembelajaran'),
  ('9d3d33ca-b11e-521f-bd3a-552462f7167b', 'proses-pembelajaran'),
  ('2681112b-322c-5700-87d1-f71e7147eb32', 'proses-pembelajaran'),
  ('f91992d0-292e-5395-a619-f01a5f7673dc', 'proses-pembelajaran'),
  ('8e5d8a14-a6af-5b6e-beae-430167ce8382', 'proses-pembelajaran'),
  ('8e5d8a14-a6af-5b6e-beae-430167ce8382', 'penanganan-masalah'),
  ('b7369885-ef3f-5343-8230-c8abd110ca40', 'proses-pembelajaran'),
  ('668f219a-a2c2-5d09-a215-ef4a2106c12b', 'proses-pembelajaran'),
  ('6d542c39-6ad0-5020-8aed-6c5a9774ca6c', 'pengelolaan-kelas'),
  ('cc7f86e3-1ff8-5075-be43-9720d3ec6887', 'pengelolaan-kelas'),
  ('d8e17011-e028-51cf-9f15-4581be37cd0f', 'pengelolaan-kelas'),
  ('e0bd3ad6-7f0c-5b6b-8a3a-91b78f3e6f5d', 'pengelolaan-kelas'),
  ('077420ac-568c-5e16-9c5a-b8cac7a702df', 'pengelolaan-kelas'),
  ('33b21926-e39c-554e-af0d-4fc13a73eaf7', 'pengelolaan-kelas'),
  ('2e35c08f-d207-5356-9394-389f8d8fdcc0', 'penanganan-masalah'),
  ('d51f3a95-0e14-5fab-a21d-e88da99aaf00', 'proses-pembelajaran'),
  ('de17f96c-3413-5396-b493-22556b2c5a9c', 'proses-pembelajaran'),
  ('e4e4c9b5-7c61-5dd7-8d32-ac2c88a84304', 'proses-pembelajaran'),
  ('8c0605bc-ec63-57fa-9a87-cf6c48c21a99', 'proses-pembelajaran'),
  ('2ebc5f04-9069-5455-b954-9f0ef5ce343f', 'proses-pembelajaran'),
  ('55d60c86-5995-53e8-b050-29d5ae2dab1c', 'pengelolaan-kelas'),
  ('823aa445-8a54-516f-a12f-25a345848993', 'pengelolaan-kelas'),
  ('823aa445-8a54-516f-a12f-25a345848993', 'penanganan-masalah'),
  ('8a9b1238-7b34-5383-a1e6-2bc7274df057', 'proses-pembelajaran'),
  ('3d7d07e7-65c9-5b08-a359-5513fb0a0bd6', 'penanganan-masalah'),
  ('15636256-c9c2-5bb0-8fc0-a983db046a59', 'proses-pembelajaran'),
  ('f254f568-9002-5134-91d6-0f18d91b1274', 'proses-pembelajaran'),
  ('3c51a38a-900a-5327-9f9b-62750238a742', 'proses-pembelajaran'),
  ('3c51a38a-900a-5327-9f9b-62750238a742', 'penanganan-masalah'),
  ('7b798ed1-c742-58c5-85d6-d1a9031b6b46', 'proses-pembelajaran');
