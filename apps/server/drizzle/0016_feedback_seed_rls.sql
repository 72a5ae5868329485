-- The default student-feedback item set (reference data, no tenant): 8 short statements in simple
-- Bahasa Indonesia about the study's three focus dimensions, each answered on a 4-point scale
-- (1 Tidak pernah, 2 Kadang-kadang, 3 Sering, 4 Selalu). Never edit after it lands: a change is a
-- new version. Ids are UUID v5 (URL namespace) of 'feedback:umpan-balik-siswa@1/<number>'.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON feedback_item_sets FROM tumbuh_app;
--> statement-breakpoint
GRANT SELECT ON feedback_item_sets TO tumbuh_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON feedback_items FROM tumbuh_app;
--> statement-breakpoint
GRANT SELECT ON feedback_items TO tumbuh_app;
--> statement-breakpoint
INSERT INTO feedback_item_sets (code, version, title, published_at) VALUES
  ('umpan-balik-siswa', 1, 'Umpan balik siswa tentang pembelajaran', '2026-11-24T00:00:00Z');
--> statement-breakpoint
INSERT INTO feedback_items (id, set_code, set_version, number, focus, text_id, text_en) VALUES
  ('a5aa4f0c-2c29-5c35-9ce4-1b1dff18ca7a', 'umpan-balik-siswa', 1, 1, 'proses-pembelajaran', 'Guru menjelaskan pelajaran dengan jelas.', 'The teacher explains the lesson clearly.'),
  ('7655d1ce-ba95-5ef0-a453-1e76b50c0748', 'umpan-balik-siswa', 1, 2, 'proses-pembelajaran', 'Guru mengajak kami aktif: bertanya, berdiskusi dan mencoba sendiri.', 'The teacher gets us to take part: asking, discussing and trying things ourselves.'),
  ('c6738862-0948-5fd7-95c3-802312445603', 'umpan-balik-siswa', 1, 3, 'proses-pembelajaran', 'Guru memberi tahu apa yang sudah benar dan apa yang perlu diperbaiki dari tugas kami.', 'The teacher tells us what we got right and what to improve in our work.'),
  ('9a575e70-3908-5db7-b705-fe2875295898', 'umpan-balik-siswa', 1, 4, 'pengelolaan-kelas', 'Kelas tertib, jadi saya bisa belajar dengan tenang.', 'The class is orderly, so I can learn calmly.'),
  ('dc7ef962-845c-5039-9373-54fe0d8e8bd0', 'umpan-balik-siswa', 1, 5, 'pengelolaan-kelas', 'Guru memulai dan menyelesaikan pelajaran tepat waktu.', 'The teacher starts and finishes the lesson on time.'),
  ('8e923483-054b-5e3d-a910-f451d961da0f', 'umpan-balik-siswa', 1, 6, 'pengelolaan-kelas', 'Guru memberi kesempatan yang sama kepada semua siswa untuk menjawab dan bertanya.', 'The teacher gives every student the same chance to answer and ask.'),
  ('c38f08a0-3660-5698-ab0e-c6487078306e', 'umpan-balik-siswa', 1, 7, 'penanganan-masalah', 'Kalau saya belum paham, guru membantu saya sampai paham.', 'When I do not understand, the teacher helps me until I do.'),
  ('5c872298-4dab-5aa1-a277-59ce81c9f9f9', 'umpan-balik-siswa', 1, 8, 'penanganan-masalah', 'Kalau ada siswa yang ribut atau bertengkar, guru menanganinya dengan tenang dan adil.', 'When students are noisy or quarrel, the teacher deals with it calmly and fairly.');
--> statement-breakpoint
SELECT tumbuh_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['feedback_settings', 'feedback_rounds', 'feedback_answers', 'feedback_answer_values']) AS t;
