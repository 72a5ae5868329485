import { createRoot } from 'react-dom/client';
import { StudentPage } from './StudentPage.tsx';
import './student.css';

// The students' page: its own small entry (student.html), without the signed-in app, its router,
// query cache or dictionary, so a cheap phone on a weak connection loads little.
const root = document.getElementById('root');
if (root) createRoot(root).render(<StudentPage />);
